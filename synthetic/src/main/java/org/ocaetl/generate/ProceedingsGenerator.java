package org.ocaetl.generate;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The proceedings sections of a case (Events, Appearances, Motions, Decisions, Judgments with their
 * Warrants), with dates that follow one another inside the case's {@link CaseFrame}. A section with
 * no children is missing or present but empty ({@code <Events/>}), half and half.
 */
final class ProceedingsGenerator {
  private static final int FIRST_CALENDAR_CALL = 9 * 3600 + 1800; // 09:30, then every half hour
  private static final int CALENDAR_SLOTS = 13;

  private final WeightedList<Integer> eventCounts;
  private final WeightedList<Integer> appearanceCounts;
  private final WeightedList<Integer> outcomeCounts;
  private final WeightedList<Integer> motionCounts;
  private final WeightedList<Integer> decisionCounts;
  private final WeightedList<Integer> judgmentCounts;
  private final WeightedList<Integer> warrantCounts;
  private final WeightedList<Integer> filingPartyCounts;
  private final WeightedList<String> eventNames;
  private final WeightedList<String> feeTypes;
  private final WeightedList<String> answerTypes;
  private final WeightedList<String> purposes;
  private final WeightedList<String> reasons;
  private final WeightedList<String> parts;
  private final WeightedList<String> outcomeTypes;
  private final WeightedList<String> outcomeBases;
  private final WeightedList<String> motionTypes;
  private final WeightedList<String> reliefs;
  private final WeightedList<String> motionDecisions;
  private final WeightedList<String> resultsOf;
  private final WeightedList<String> judgmentTypes;
  private final WeightedList<String> judgmentStatuses;
  private final WeightedList<String> createdReasons;
  private final WeightedList<String> issuanceTypes;
  private final WeightedList<String> executionTypes;
  private final WeightedList<String> agencies;
  private final WeightedList<String> returnedReasons;
  private final HighlightText highlights;

  ProceedingsGenerator(Vocabulary vocabulary) {
    eventCounts = vocabulary.counts("count.events");
    appearanceCounts = vocabulary.counts("count.appearances");
    outcomeCounts = vocabulary.counts("count.outcomes");
    motionCounts = vocabulary.counts("count.motions");
    decisionCounts = vocabulary.counts("count.decisions");
    judgmentCounts = vocabulary.counts("count.judgments");
    warrantCounts = vocabulary.counts("count.warrants");
    filingPartyCounts = vocabulary.counts("count.filingParties");
    eventNames = vocabulary.words("eventName");
    feeTypes = vocabulary.words("feeType");
    answerTypes = vocabulary.words("answerType");
    purposes = vocabulary.words("appearancePurpose");
    reasons = vocabulary.words("appearanceReason");
    parts = vocabulary.words("appearancePart");
    outcomeTypes = vocabulary.words("outcomeType");
    outcomeBases = vocabulary.words("outcomeBasedOn");
    motionTypes = vocabulary.words("motionType");
    reliefs = vocabulary.words("primaryRelief");
    motionDecisions = vocabulary.words("motionDecision");
    resultsOf = vocabulary.words("resultOf");
    judgmentTypes = vocabulary.words("judgmentType");
    judgmentStatuses = vocabulary.words("judgmentStatus");
    createdReasons = vocabulary.words("createdReason");
    issuanceTypes = vocabulary.words("issuanceType");
    executionTypes = vocabulary.words("executionType");
    agencies = vocabulary.words("agency");
    returnedReasons = vocabulary.words("returnedReason");
    highlights = new HighlightText(vocabulary);
  }

  HighlightText highlights() {
    return highlights;
  }

  /** Appends the proceedings sections to {@code index}, in the extract's element order. */
  void addTo(XmlElement index, CaseFrame frame, CaseFacts facts) {
    int motionCount = count(motionCounts, frame, frame.age() >= 7);
    events(index, frame, facts);
    appearances(index, frame, facts, motionCount);
    motions(index, frame, facts, motionCount);
    decisions(index, frame, facts);
    judgments(index, frame, facts);
  }

  /** A child count; at least one in a full case, none when the case is too young for it. */
  private static int count(WeightedList<Integer> counts, CaseFrame frame, boolean oldEnough) {
    int count = counts.pick(frame.random());
    if (frame.full()) {
      return Math.max(count, 1);
    }
    return oldEnough ? count : 0;
  }

  /** The section container, or null when a childless section is left out. */
  private static XmlElement section(XmlElement index, String name, int count, CaseFrame frame) {
    if (count == 0 && frame.chance(0.5)) {
      return null;
    }
    return index.add(name);
  }

  /** {@code count} sorted days in {@code [from, to]}. */
  private static long[] sortedDays(CaseFrame frame, int count, long from, long to) {
    long[] days = new long[count];
    for (int i = 0; i < count; i++) {
      days[i] = frame.dayBetween(from, to);
    }
    Arrays.sort(days);
    return days;
  }

  private void events(XmlElement index, CaseFrame frame, CaseFacts facts) {
    int count =
        Math.min(count(eventCounts, frame, true), frame.full() ? 10 : 1 + (int) (frame.age() / 7));
    XmlElement section = section(index, "Events", count, frame);
    long[] days = sortedDays(frame, count, frame.filedDay(), facts.endDay());
    for (int i = 0; i < count; i++) {
      String name = eventNames.pick(frame.random());
      XmlElement event =
          section
              .add("Event")
              .leaf("EventName", name)
              .leaf("FiledDate", frame.chance(0.98) ? CaseFrame.date(days[i]) : null)
              .leaf("FeeType", frame.chance(0.7) ? feeTypes.pick(frame.random()) : null)
              .leaf(
                  "AnswerType",
                  "Answer".equals(name) && frame.chance(0.85)
                      ? answerTypes.pick(frame.random())
                      : null);
      filingParties(event, "FilingParties", "FilingParty", frame, facts);
    }
  }

  private void filingParties(
      XmlElement parent, String containerName, String itemName, CaseFrame frame, CaseFacts facts) {
    int count = filingPartyCounts.pick(frame.random());
    if (frame.full()) {
      count = Math.max(count, 1);
    }
    if (count == 0) {
      return;
    }
    XmlElement container = parent.add(containerName);
    for (int i = 0; i < count; i++) {
      container
          .add(itemName)
          .leaf("Role", facts.roles().get(frame.random().nextInt(facts.roles().size())));
    }
  }

  private void appearances(XmlElement index, CaseFrame frame, CaseFacts facts, int motionCount) {
    int count = count(appearanceCounts, frame, frame.age() >= 7);
    if (!frame.full()) {
      count = Math.min(count, 1 + (int) (frame.age() / 21));
    }
    XmlElement section = section(index, "Appearances", count, frame);
    // An open case usually has its next appearance already on the calendar.
    long last = facts.disposed() ? facts.endDay() : facts.endDay() + 35;
    long[] days = sortedDays(frame, count, frame.filedDay() + 7, last);
    SplittableRandom random = frame.random();
    for (int i = 0; i < count; i++) {
      String purpose = purposes.pick(random);
      boolean motionHeard = motionCount > 0 && ("Motion".equals(purpose) || frame.chance(0.1));
      XmlElement appearance =
          section
              .add("Appearance")
              .leaf(
                  "AppearanceDateTime",
                  CaseFrame.dateTime(
                      days[i], FIRST_CALENDAR_CALL + 1800 * random.nextInt(CALENDAR_SLOTS)))
              .leaf("AppearancePurpose", purpose)
              .leaf("AppearanceReason", frame.chance(0.85) ? reasons.pick(random) : null)
              .leaf("AppearancePart", frame.chance(0.95) ? parts.pick(random) : null)
              .leaf(
                  "MotionSequence",
                  motionHeard ? Integer.toString(1 + random.nextInt(motionCount)) : null);
      boolean happened = days[i] <= frame.runDay() || frame.full();
      int outcomes = happened ? count(outcomeCounts, frame, true) : 0;
      if (outcomes > 0) {
        XmlElement container = appearance.add("AppearanceOutcomes");
        for (int k = 0; k < outcomes; k++) {
          container
              .add("AppearanceOutcome")
              .leaf("AppearanceOutcomeType", outcomeTypes.pick(random))
              .leaf("OutcomeBasedOnType", frame.chance(0.9) ? outcomeBases.pick(random) : null);
        }
      }
    }
  }

  private void motions(XmlElement index, CaseFrame frame, CaseFacts facts, int count) {
    XmlElement section = section(index, "Motions", count, frame);
    long[] days = sortedDays(frame, count, frame.filedDay() + 7, facts.endDay());
    SplittableRandom random = frame.random();
    for (int i = 0; i < count; i++) {
      XmlElement motion =
          section
              .add("Motion")
              .leaf("Sequence", Integer.toString(i + 1))
              .leaf("MotionType", motionTypes.pick(random))
              .leaf("PrimaryRelief", frame.chance(0.85) ? reliefs.pick(random) : null)
              .leaf("FiledDate", CaseFrame.date(days[i]));
      filingParties(motion, "FilingParties", "FilingParty", frame, facts);
      String decisionDate = frame.chance(0.8) ? frame.past(days[i] + 7 + random.nextInt(40)) : null;
      if (decisionDate != null) {
        motion
            .leaf("MotionDecision", motionDecisions.pick(random))
            .leaf("MotionDecisionDate", decisionDate);
      }
    }
  }

  private void decisions(XmlElement index, CaseFrame frame, CaseFacts facts) {
    int count = count(decisionCounts, frame, frame.age() >= 14);
    XmlElement section = section(index, "Decisions", count, frame);
    long[] days = sortedDays(frame, count, frame.filedDay() + 14, facts.endDay());
    for (int i = 0; i < count; i++) {
      section
          .add("Decision")
          .leaf("Sequence", Integer.toString(i + 1))
          .leaf("ResultOf", frame.chance(0.9) ? resultsOf.pick(frame.random()) : null)
          .leaf(
              "HighlightNoPersonallyIdentifyingInfo",
              frame.full() || frame.chance(0.95) ? highlights.highlight(frame, days[i]) : null);
    }
  }

  private void judgments(XmlElement index, CaseFrame frame, CaseFacts facts) {
    int count = count(judgmentCounts, frame, frame.age() >= 21);
    if (frame.full()) {
      count = Math.max(count, 2); // edge cases need a judgment before the one with warrants
    }
    XmlElement section = section(index, "Judgments", count, frame);
    long[] days = sortedDays(frame, count, frame.filedDay() + 21, facts.endDay());
    SplittableRandom random = frame.random();
    for (int i = 0; i < count; i++) {
      boolean last = i == count - 1;
      String type = frame.full() && last ? "Possession and Money" : judgmentTypes.pick(random);
      boolean possession =
          type.contains("Possession") || (!type.contains("Money") && frame.chance(0.7));
      boolean money = type.contains("Money") || frame.chance(0.3);
      long entered = Math.min(days[i] + random.nextInt(4), frame.runDay());
      XmlElement judgment =
          section
              .add("Judgment")
              .leaf("Sequence", Integer.toString(i + 1))
              .leaf(
                  "AmendedFromJudgmentSequence",
                  i > 0 && frame.chance(0.4) ? Integer.toString(i) : null)
              .leaf("JudgmentType", type)
              .leaf("FiledDate", CaseFrame.date(days[i]))
              .leaf(
                  "EnteredDateTime",
                  CaseFrame.dateTime(entered, 8 * 3600 + random.nextInt(10 * 3600)))
              .leaf(
                  "WithPossession",
                  frame.full() || frame.chance(0.95) ? Boolean.toString(possession) : null);
      if (frame.chance(0.9)) {
        judgment
            .leaf("LatestJudgmentStatus", judgmentStatuses.pick(random))
            .leaf(
                "LatestJudgmentStatusDate",
                CaseFrame.date(frame.dayBetween(entered, Math.min(entered + 60, frame.runDay()))));
      }
      if (money) {
        long costs = 5_000 + random.nextLong(60_000);
        long base =
            facts.claimCents() > 0 ? facts.claimCents() : 100_000 + random.nextLong(1_500_000);
        judgment.leaf("TotalJudgmentAmount", CaseFrame.amount(base + costs, facts.wholeDollars()));
      }
      judgment.add("Creditors").add("Creditor").leaf("Role", facts.roles().getFirst());
      XmlElement debtors = judgment.add("Debtors");
      for (String role : facts.roles().subList(1, facts.roles().size())) {
        if (!role.equals("Petitioner")) {
          debtors.add("Debtor").leaf("Role", role);
        }
      }
      int warrants = possession && (days[i] + 3 <= frame.runDay()) ? warrantCounts.pick(random) : 0;
      if (frame.full()) {
        warrants = last ? Math.max(warrants, 1) : 0;
      }
      if (warrants > 0) {
        XmlElement container = judgment.add("Warrants");
        for (int w = 0; w < warrants; w++) {
          warrant(container.add("Warrant"), w, days[i], frame, facts.addresses());
        }
      }
    }
  }

  private void warrant(
      XmlElement warrant,
      int number,
      long judgmentDay,
      CaseFrame frame,
      List<AddressGenerator.Address> addresses) {
    SplittableRandom random = frame.random();
    long ordered = judgmentDay + random.nextInt(6);
    long issued = ordered + 3 + random.nextInt(18);
    long marshalRequest = issued + 1 + random.nextInt(10);
    warrant
        .leaf("Sequence", String.valueOf((char) ('A' + number)))
        .leaf("CreatedReason", createdReasons.pick(random))
        .leaf("OrderedDate", frame.past(ordered))
        .leaf("IssuanceType", issuanceTypes.pick(random))
        .leaf(
            "IssuanceStayedDate",
            frame.chance(0.25) ? frame.past(ordered + 5 + random.nextInt(26)) : null)
        .leaf(
            "IssuanceStayedDays",
            frame.chance(0.4) ? Integer.toString(5 + random.nextInt(26)) : null)
        .leaf("IssuedDate", frame.past(issued))
        .leaf("ExecutionType", frame.chance(0.6) ? executionTypes.pick(random) : null)
        .leaf(
            "ExecutionStayedDate",
            frame.chance(0.15) ? frame.past(issued + 5 + random.nextInt(30)) : null)
        .leaf(
            "ExecutionStayedDays",
            frame.chance(0.2) ? Integer.toString(3 + random.nextInt(28)) : null);
    boolean requested = frame.chance(0.6);
    warrant
        .leaf("MarshalRequestDate", requested ? frame.past(marshalRequest) : null)
        .leaf(
            "MarshalRequestReviewedDate",
            requested && frame.chance(0.5)
                ? frame.past(marshalRequest + 1 + random.nextInt(7))
                : null)
        .leaf("EnforcementAgency", frame.chance(0.8) ? agencies.pick(random) : null)
        .leaf(
            "EnforcementOfficerDocketNumber",
            frame.chance(0.7) ? Integer.toString(10_000 + random.nextInt(90_000)) : null);
    XmlElement properties = warrant.add("PropertiesOnWarrant");
    for (AddressGenerator.Address address : addresses) {
      properties
          .add("PropertyOnWarrant")
          .leaf("City", address.city())
          .leaf("State", address.state())
          .leaf("PostalCode", address.postalCode());
    }
    String returned = frame.chance(0.15) ? frame.past(issued + 30 + random.nextInt(60)) : null;
    warrant
        .leaf("AmendedDate", frame.chance(0.05) ? frame.past(issued + random.nextInt(30)) : null)
        .leaf("VacatedDate", frame.chance(0.08) ? frame.past(issued + random.nextInt(45)) : null)
        .leaf(
            "AdultProtectiveServicesNumber",
            frame.chance(0.01) ? "APS" + (100_000 + random.nextInt(900_000)) : null)
        .leaf("ReturnedDate", returned)
        .leaf("ReturnedReason", returned != null ? returnedReasons.pick(random) : null)
        .leaf(
            "ExecutionDate",
            frame.chance(0.3) ? frame.past(marshalRequest + 14 + random.nextInt(45)) : null);
  }
}
