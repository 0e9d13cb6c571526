package org.ocaetl.parse;

import static org.ocaetl.model.OcaTable.OCA_ADDRESSES;
import static org.ocaetl.model.OcaTable.OCA_APPEARANCES;
import static org.ocaetl.model.OcaTable.OCA_APPEARANCE_OUTCOMES;
import static org.ocaetl.model.OcaTable.OCA_CAUSES;
import static org.ocaetl.model.OcaTable.OCA_DECISIONS;
import static org.ocaetl.model.OcaTable.OCA_EVENTS;
import static org.ocaetl.model.OcaTable.OCA_INDEX;
import static org.ocaetl.model.OcaTable.OCA_JUDGMENTS;
import static org.ocaetl.model.OcaTable.OCA_MOTIONS;
import static org.ocaetl.model.OcaTable.OCA_PARTIES;
import static org.ocaetl.model.OcaTable.OCA_WARRANTS;

import java.util.List;
import org.ocaetl.model.Column;
import org.ocaetl.model.OcaTable;

/**
 * The element tree of an {@code Index} (docs/tables.md#data-tables gives each column's XML path) as data: one {@link TableMapping} per data table.
 * Motions, Decisions and Judgments are direct children of Index (not of Appearance); Warrants are
 * nested under each Judgment and AppearanceOutcomes under each Appearance.
 */
public final class CaseMappings {
  private CaseMappings() {}

  static final TableMapping INDEX =
      TableMapping.index(OCA_INDEX)
          .caseId()
          .child("court", "Court")
          .child("fileddate", "FiledDate")
          .child("propertytype", "PropertyType")
          .child("classification", "Classification")
          .list("specialtydesignationtypes", "SpecialtyDesignations", "SpecialtyDesignationType", null)
          .child("status", "Status")
          .child("disposeddate", "DisposedDate")
          .child("disposedreason", "DisposedReasonNoPersonallyIdentifyingInfo")
          .child("firstpaper", "FirstPaper")
          .child("primaryclaimtotal", "PrimaryClaimTotal")
          .child("dateofjurydemand", "DateOfJuryDemand")
          .build();

  static final TableMapping CAUSES =
      TableMapping.group(OCA_CAUSES, "", "PrimaryClaimCauseOfActions", "PrimaryClaimCauseOfAction")
          .caseId()
          .child("causeofactiontype", "CauseOfActionType")
          .child("interestfromdate", "InterestFromDate")
          .child("amount", "Amount")
          .build();

  /** Only the XML columns are staged; the twenty geocoder columns are exported as NULL. */
  static final TableMapping ADDRESSES =
      TableMapping.group(OCA_ADDRESSES, "", "PropertyAddresses", "PropertyAddress")
          .caseId()
          .child("street1", "Street1")
          .child("street2", "Street2")
          .child("city", "City")
          .child("state", "State")
          .child("postalcode", "PostalCode")
          .build();

  static final TableMapping PARTIES =
      TableMapping.group(OCA_PARTIES, "", "Parties", "Party")
          .caseId()
          .child("role", "Role")
          .child("partytype", "PartyType")
          .child("representationtype", "RepresentationType")
          .child("undertenant", "Undertenant")
          .build();

  static final TableMapping EVENTS =
      TableMapping.group(OCA_EVENTS, "", "Events", "Event")
          .caseId()
          .child("eventname", "EventName")
          .child("fileddate", "FiledDate")
          .child("feetype", "FeeType")
          .list("filingpartiesroles", "FilingParties", "FilingParty", "Role")
          .child("answertype", "AnswerType")
          .build();

  static final TableMapping APPEARANCES =
      TableMapping.group(OCA_APPEARANCES, "", "Appearances", "Appearance")
          .caseId()
          .derived("appearanceid")
          .child("appearancedatetime", "AppearanceDateTime")
          .child("appearancepurpose", "AppearancePurpose")
          .child("appearancereason", "AppearanceReason")
          .child("appearancepart", "AppearancePart")
          .child("motionsequence", "MotionSequence")
          .build();

  static final TableMapping OUTCOMES =
      TableMapping.group(
              OCA_APPEARANCE_OUTCOMES, APPEARANCES.path(), "AppearanceOutcomes", "AppearanceOutcome")
          .caseId()
          .derived("appearanceid")
          .child("appearanceoutcometype", "AppearanceOutcomeType")
          .child("outcomebasedontype", "OutcomeBasedOnType")
          .build();

  static final TableMapping MOTIONS =
      TableMapping.group(OCA_MOTIONS, "", "Motions", "Motion")
          .caseId()
          .child("sequence", "Sequence")
          .child("motiontype", "MotionType")
          .child("primaryrelief", "PrimaryRelief")
          .child("fileddate", "FiledDate")
          .list("filingpartiesroles", "FilingParties", "FilingParty", "Role")
          .child("motiondecision", "MotionDecision")
          .child("motiondecisiondate", "MotionDecisionDate")
          .build();

  static final TableMapping DECISIONS =
      TableMapping.group(OCA_DECISIONS, "", "Decisions", "Decision")
          .caseId()
          .child("sequence", "Sequence")
          .child("resultof", "ResultOf")
          .child("highlight", "HighlightNoPersonallyIdentifyingInfo")
          .build();

  static final TableMapping JUDGMENTS =
      TableMapping.group(OCA_JUDGMENTS, "", "Judgments", "Judgment")
          .caseId()
          .child("sequence", "Sequence")
          .child("amendedfromjudgmentsequence", "AmendedFromJudgmentSequence")
          .child("judgmenttype", "JudgmentType")
          .child("fileddate", "FiledDate")
          .child("entereddatetime", "EnteredDateTime")
          .child("withpossession", "WithPossession")
          .child("latestjudgmentstatus", "LatestJudgmentStatus")
          .child("latestjudgmentstatusdate", "LatestJudgmentStatusDate")
          .child("totaljudgmentamount", "TotalJudgmentAmount")
          .list("creditorsroles", "Creditors", "Creditor", "Role")
          .list("debtorsroles", "Debtors", "Debtor", "Role")
          .build();

  static final TableMapping WARRANTS =
      TableMapping.group(OCA_WARRANTS, JUDGMENTS.path(), "Warrants", "Warrant")
          .caseId()
          .derived("judgmentsequence")
          .child("sequence", "Sequence")
          .child("createdreason", "CreatedReason")
          .child("ordereddate", "OrderedDate")
          .child("issuancetype", "IssuanceType")
          .child("issuancestayeddate", "IssuanceStayedDate")
          .child("issuancestayeddays", "IssuanceStayedDays")
          .child("issueddate", "IssuedDate")
          .child("executiontype", "ExecutionType")
          .child("executionstayeddate", "ExecutionStayedDate")
          .child("executionstayeddays", "ExecutionStayedDays")
          .child("marshalrequestdate", "MarshalRequestDate")
          .child("marshalrequestrevieweddate", "MarshalRequestReviewedDate")
          .child("enforcementagency", "EnforcementAgency")
          .child("enforcementofficerdocketnumber", "EnforcementOfficerDocketNumber")
          .parallelList("propertiesonwarrantcities", "PropertiesOnWarrant", "PropertyOnWarrant", "City")
          .parallelList("propertiesonwarrantstates", "PropertiesOnWarrant", "PropertyOnWarrant", "State")
          .parallelList(
              "propertiesonwarrantpostalcodes", "PropertiesOnWarrant", "PropertyOnWarrant", "PostalCode")
          .child("amendeddate", "AmendedDate")
          .child("vacateddate", "VacatedDate")
          .child("adultprotectiveservicesnumber", "AdultProtectiveServicesNumber")
          .child("returneddate", "ReturnedDate")
          .child("returnedreason", "ReturnedReason")
          .child("executiondate", "ExecutionDate")
          .build();

  /** All eleven, in {@link OcaTable} order. */
  static final List<TableMapping> ALL =
      List.of(
          INDEX, CAUSES, ADDRESSES, PARTIES, EVENTS, APPEARANCES, OUTCOMES, MOTIONS, DECISIONS,
          JUDGMENTS, WARRANTS);

  /** The staged columns of a data table (what the staging DDL must declare, after case_seq/ord). */
  public static List<Column> stagedColumns(OcaTable table) {
    return ALL.stream()
        .filter(m -> m.table() == table)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a data table: " + table))
        .columns();
  }
}
