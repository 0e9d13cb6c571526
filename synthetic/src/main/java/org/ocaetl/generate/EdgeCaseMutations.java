package org.ocaetl.generate;

import java.util.List;

/**
 * Turns a full case (every section present, two judgments, the last with a warrant) into an edge
 * case of a given kind by editing a few elements. The comments give the value a correct parser must
 * store.
 */
final class EdgeCaseMutations {
  /** Array elements that break naive array literal or CSV handling; each must be stored exactly. */
  static final List<String> TRICKY_ARRAY_ELEMENTS =
      List.of(
          "SMITH, JOHN",
          "O\"Brien",
          "{odd}",
          "back\\slash",
          " two  spaces ",
          "Zoë Ørsted",
          "NULL",
          "a,b{c}\"d\\e");

  /** Escaped markup; stored as {@code Caf\u00e9 & Bar <Main> "quoted" 'single' \u2603}. */
  static final String ESCAPED_HIGHLIGHT =
      ".....Notes: Caf&#233; &amp; Bar &lt;Main&gt; &quot;quoted&quot; &apos;single&apos; &#x2603;";

  /** Escaped markup in a plain field; stored as {@code Motion & Stay}. */
  static final String ESCAPED_PURPOSE = "Motion &amp; Stay";

  /** CDATA text; stored as written, markup characters included. */
  static final String CDATA_HIGHLIGHT =
      ".....Decision: <b>Granted</b> & \"stayed\"\n.....Notes: use [brackets] & <angles>";

  static final String INVALID_DATE = "2025-02-30";
  static final String INVALID_INTEGER = "two";
  static final String INVALID_BOOLEAN = "yes";
  static final String INVALID_AMOUNT = "12,50";

  /** About one megabyte of highlight. */
  static final int HUGE_HIGHLIGHT_CHARS = 1 << 20;

  private EdgeCaseMutations() {}

  /** Applies {@code kind} to {@code index}, a case generated in full mode. */
  static void apply(EdgeCase kind, XmlElement index, CaseFrame frame, HighlightText highlights) {
    switch (kind) {
      case ARRAY_SPECIAL_CHARACTERS -> trickyArrays(index);
      case XML_ENTITIES -> {
        text(
            firstDecision(index),
            "HighlightNoPersonallyIdentifyingInfo",
            ESCAPED_HIGHLIGHT,
            XmlElement.TextStyle.RAW);
        text(
            first(index, "Appearances", "Appearance"),
            "AppearancePurpose",
            ESCAPED_PURPOSE,
            XmlElement.TextStyle.RAW);
      }
      case CDATA_TEXT -> {
        text(
            firstDecision(index),
            "HighlightNoPersonallyIdentifyingInfo",
            CDATA_HIGHLIGHT,
            XmlElement.TextStyle.CDATA);
        text(
            first(index, "Events", "Event"),
            "EventName",
            "Answer & Counterclaim",
            XmlElement.TextStyle.CDATA);
      }
      case HUGE_HIGHLIGHT ->
          text(
              firstDecision(index),
              "HighlightNoPersonallyIdentifyingInfo",
              highlights.huge(frame, frame.filedDay() + 30, HUGE_HIGHLIGHT_CHARS),
              XmlElement.TextStyle.PLAIN);
      case JUDGMENT_WITHOUT_WARRANTS_THEN_WITH -> {
        // A full case already has this shape; make sure of it.
        List<XmlElement> judgments = index.child("Judgments").all("Judgment");
        for (XmlElement judgment : judgments.subList(0, judgments.size() - 1)) {
          judgment.remove("Warrants");
        }
      }
      case WARRANT_PROPERTY_WITHOUT_CITY -> {
        XmlElement properties = lastWarrant(index).child("PropertiesOnWarrant");
        XmlElement complete = properties.all("PropertyOnWarrant").getFirst();
        properties.children().addFirst(copyWithoutCity(complete)); // then at least one complete one
      }
      case MISSING_OUTCOME_BASED_ON ->
          first(
                  first(index, "Appearances", "Appearance"),
                  "AppearanceOutcomes",
                  "AppearanceOutcome")
              .remove("OutcomeBasedOnType");
      case EMPTY_ELEMENTS -> {
        text(index, "Court", "", XmlElement.TextStyle.PLAIN);
        text(index, "Status", "", XmlElement.TextStyle.PLAIN);
        text(
            first(index, "PropertyAddresses", "PropertyAddress"),
            "State",
            "",
            XmlElement.TextStyle.PLAIN);
        index.child("Events").children().clear();
        first(index, "Judgments", "Judgment").child("Creditors").children().clear();
      }
      case WHITESPACE_VALUES -> {
        text(index, "Classification", "   ", XmlElement.TextStyle.PLAIN);
        text(
            index.child("Parties").all("Party").getLast(), "Role", " ", XmlElement.TextStyle.PLAIN);
        index
            .child("SpecialtyDesignations")
            .children()
            .getFirst()
            .setText("\t", XmlElement.TextStyle.PLAIN);
      }
      case INVALID_DATE -> text(index, "FiledDate", INVALID_DATE, XmlElement.TextStyle.PLAIN);
      case INVALID_INTEGER ->
          text(
              first(index, "Motions", "Motion"),
              "Sequence",
              INVALID_INTEGER,
              XmlElement.TextStyle.PLAIN);
      case INVALID_BOOLEAN ->
          text(lastJudgment(index), "WithPossession", INVALID_BOOLEAN, XmlElement.TextStyle.PLAIN);
      case INVALID_AMOUNT ->
          text(
              lastJudgment(index),
              "TotalJudgmentAmount",
              INVALID_AMOUNT,
              XmlElement.TextStyle.PLAIN);
      case MISSING_INDEX_NUMBER_ID -> index.remove("IndexNumberId");
      case DUPLICATE_ID, DELETE_AFTER_ADD, ADD_AFTER_DELETE -> {
        // The twist is in the records around the case (see ExtractGenerator), not in the case.
      }
    }
  }

  private static void trickyArrays(XmlElement index) {
    XmlElement specialties = index.child("SpecialtyDesignations");
    specialties.children().clear();
    for (String value : TRICKY_ARRAY_ELEMENTS) {
      specialties.leaf("SpecialtyDesignationType", value);
    }
    XmlElement filingParties = first(index, "Events", "Event").child("FilingParties");
    filingParties.children().clear();
    for (String value : TRICKY_ARRAY_ELEMENTS.subList(0, 4)) {
      filingParties.add("FilingParty").leaf("Role", value);
    }
    XmlElement judgment = lastJudgment(index);
    judgment.child("Creditors").children().clear();
    judgment.child("Creditors").add("Creditor").leaf("Role", TRICKY_ARRAY_ELEMENTS.get(0));
    judgment.child("Debtors").children().clear();
    for (String value : TRICKY_ARRAY_ELEMENTS.subList(4, TRICKY_ARRAY_ELEMENTS.size())) {
      judgment.child("Debtors").add("Debtor").leaf("Role", value);
    }
  }

  private static XmlElement copyWithoutCity(XmlElement property) {
    XmlElement copy = XmlElement.container("PropertyOnWarrant");
    for (XmlElement part : property.children()) {
      if (!part.name().equals("City")) {
        copy.leaf(part.name(), part.text());
      }
    }
    return copy;
  }

  /** Sets the text of an existing leaf; a full case has every element these edits touch. */
  private static void text(
      XmlElement parent, String leafName, String value, XmlElement.TextStyle style) {
    XmlElement leaf = parent.child(leafName);
    if (leaf == null) {
      throw new IllegalStateException("a full case lacks " + parent.name() + "/" + leafName);
    }
    leaf.setText(value, style);
  }

  private static XmlElement first(XmlElement parent, String container, String item) {
    return parent.child(container).all(item).getFirst();
  }

  private static XmlElement firstDecision(XmlElement index) {
    return first(index, "Decisions", "Decision");
  }

  private static XmlElement lastJudgment(XmlElement index) {
    return index.child("Judgments").all("Judgment").getLast();
  }

  private static XmlElement lastWarrant(XmlElement index) {
    return lastJudgment(index).child("Warrants").all("Warrant").getLast();
  }
}
