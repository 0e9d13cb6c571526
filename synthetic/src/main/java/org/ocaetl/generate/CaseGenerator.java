package org.ocaetl.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates one {@code Index} element. The facts a petition fixes (court, filed date, property,
 * claim, addresses, parties) are drawn from a random stream seeded by the id alone, so a later
 * update of the same id keeps them; what happens afterwards (status, proceedings) is drawn from the
 * file's stream and so changes from one extract to the next.
 */
final class CaseGenerator {
  private static final double DISPOSED_AT_START = 0.12;
  private static final double DISPOSED_PER_DAY = 0.78 / 270;

  /** A full case (base of an edge case) is old enough for every kind of proceeding. */
  private static final int FULL_CASE_MIN_AGE = 150;

  private final WeightedList<Region> regions;
  private final WeightedList<String> propertyTypes;
  private final WeightedList<String> classifications;
  private final WeightedList<String> specialties;
  private final WeightedList<Integer> specialtyCounts;
  private final WeightedList<String> statuses;
  private final WeightedList<String> disposedReasons;
  private final WeightedList<String> firstPapers;
  private final WeightedList<String> causes;
  private final WeightedList<Integer> causeCounts;
  private final WeightedList<Integer> addressCounts;
  private final WeightedList<String> roles;
  private final WeightedList<Integer> partyCounts;
  private final WeightedList<String> partyTypes;
  private final WeightedList<String> representations;
  private final AddressGenerator addressGenerator;
  private final ProceedingsGenerator proceedings;
  private final long runDay;
  private final long firstFiledDay;

  /**
   * @param initialFiledYear the filed year of an Initial extract (every case is filed in it), or
   *     null for an Incremental
   */
  CaseGenerator(Vocabulary vocabulary, LocalDate runDate, Integer initialFiledYear) {
    regions = Region.all(vocabulary);
    propertyTypes = vocabulary.words("propertyType");
    classifications = vocabulary.words("classification");
    specialties = vocabulary.words("specialty");
    specialtyCounts = vocabulary.counts("count.specialty");
    statuses = vocabulary.words("status");
    disposedReasons = vocabulary.words("disposedReason");
    firstPapers = vocabulary.words("firstPaper");
    causes = vocabulary.words("causeOfAction");
    causeCounts = vocabulary.counts("count.causes");
    addressCounts = vocabulary.counts("count.addresses");
    roles = vocabulary.words("role");
    partyCounts = vocabulary.counts("count.parties");
    partyTypes = vocabulary.words("partyType");
    representations = vocabulary.words("representation");
    addressGenerator = new AddressGenerator(vocabulary);
    proceedings = new ProceedingsGenerator(vocabulary);
    runDay = runDate.toEpochDay();
    firstFiledDay =
        initialFiledYear == null
            ? Long.MIN_VALUE
            : LocalDate.of(initialFiledYear, 1, 1).toEpochDay();
  }

  HighlightText highlights() {
    return proceedings.highlights();
  }

  /**
   * One case.
   *
   * @param id its IndexNumberId
   * @param knownFiledDay the filed date read from the previous extract for an update, or null
   * @param random the file's random stream (status and proceedings)
   * @param full whether every section gets content (the base of an edge case)
   */
  XmlElement generate(String id, Long knownFiledDay, SplittableRandom random, boolean full) {
    SplittableRandom stable = new SplittableRandom(CaseIds.stableSeed(id));
    Region region = regions.pick(stable);
    long filedDay = filedDay(stable, full);
    if (knownFiledDay != null && knownFiledDay <= runDay) {
      filedDay = knownFiledDay;
    }
    CaseFrame frame = new CaseFrame(filedDay, runDay, full, random);

    XmlElement index = XmlElement.container("Index");
    String classification =
        stable.nextDouble() < 0.98 || full ? classifications.pick(stable) : null;
    index
        .leaf("IndexNumberId", id)
        .leaf("Court", region.court())
        .leaf("FiledDate", CaseFrame.date(filedDay))
        .leaf("PropertyType", stable.nextDouble() < 0.97 ? propertyTypes.pick(stable) : null)
        .leaf("Classification", classification);
    specialtyDesignations(index, stable, full);

    boolean disposed = frame.chance(DISPOSED_AT_START + DISPOSED_PER_DAY * frame.age());
    long endDay =
        disposed ? frame.dayBetween(filedDay + Math.min(frame.age(), 14), runDay) : runDay;
    index
        .leaf("Status", disposed ? "Disposed" : statuses.pick(random))
        .leaf("DisposedDate", disposed ? CaseFrame.date(endDay) : null)
        .leaf(
            "DisposedReasonNoPersonallyIdentifyingInfo",
            disposed && frame.chance(0.9) ? disposedReasons.pick(random) : null)
        .leaf("FirstPaper", firstPapers.pick(stable));

    boolean wholeDollars = stable.nextDouble() < 0.35;
    long claimCents = claim(index, frame, stable, "Holdover".equals(classification), wholeDollars);
    List<AddressGenerator.Address> addresses =
        addressGenerator.addresses(region, addressCounts.pick(stable), stable);
    XmlElement addressSection = index.add("PropertyAddresses");
    for (AddressGenerator.Address address : addresses) {
      addressSection
          .add("PropertyAddress")
          .leaf("Street1", address.street1())
          .leaf("Street2", address.street2())
          .leaf("City", address.city())
          .leaf("State", address.state())
          .leaf("PostalCode", address.postalCode());
    }
    List<String> partyRoles = parties(index, stable);
    proceedings.addTo(
        index,
        frame,
        new CaseFacts(partyRoles, addresses, claimCents, wholeDollars, endDay, disposed));
    return index;
  }

  /**
   * The filed date: in an Initial extract any day of its filed year up to the run date; in an
   * Incremental mostly recent filings, some older cases. Always two draws, so the rest of the
   * stable stream does not depend on which case this is.
   */
  private long filedDay(SplittableRandom stable, boolean full) {
    double position = stable.nextDouble();
    double ageClass = stable.nextDouble();
    long latest = full ? runDay - FULL_CASE_MIN_AGE : runDay;
    if (firstFiledDay != Long.MIN_VALUE) {
      long last =
          Math.max(
              firstFiledDay,
              Math.min(latest, LocalDate.ofEpochDay(firstFiledDay).plusYears(1).toEpochDay() - 1));
      return firstFiledDay + (long) (position * (last - firstFiledDay + 1));
    }
    int maxAge = ageClass < 0.55 ? 28 : ageClass < 0.80 ? 180 : 1100;
    return latest - (long) (position * (maxAge + 1));
  }

  private void specialtyDesignations(XmlElement index, SplittableRandom stable, boolean full) {
    int count = full ? Math.max(1, specialtyCounts.pick(stable)) : specialtyCounts.pick(stable);
    if (count > 0) {
      XmlElement container = index.add("SpecialtyDesignations");
      for (int i = 0; i < count; i++) {
        container.leaf("SpecialtyDesignationType", specialties.pick(stable));
      }
    }
  }

  /**
   * PrimaryClaimTotal, DateOfJuryDemand and the causes of action; returns the claim in cents (0
   * when none). A holdover usually claims no rent.
   */
  private long claim(
      XmlElement index,
      CaseFrame frame,
      SplittableRandom stable,
      boolean holdover,
      boolean wholeDollars) {
    int count = causeCounts.pick(stable);
    if (holdover && stable.nextDouble() < 0.7) {
      count = 0;
    }
    long monthlyRent =
        (800 + stable.nextInt(2700)) * 100L + (wholeDollars ? 0 : stable.nextInt(100));
    int months = 1 + stable.nextInt(18);
    long[] amounts = new long[count];
    long total = 0;
    for (int i = 0; i < count; i++) {
      amounts[i] = i == 0 ? monthlyRent * months : (50 + stable.nextInt(1450)) * 100L;
      total += amounts[i];
    }
    if (count == 0 && stable.nextDouble() < 0.2) {
      total = monthlyRent * months; // a total without itemized causes
    }
    index
        .leaf("PrimaryClaimTotal", total > 0 ? CaseFrame.amount(total, wholeDollars) : null)
        .leaf(
            "DateOfJuryDemand",
            frame.chance(0.03)
                ? frame.past(frame.filedDay() + 10 + frame.random().nextInt(50))
                : null);
    if (count > 0) {
      XmlElement container = index.add("PrimaryClaimCauseOfActions");
      long interestFrom = frame.filedDay() - 30L * months;
      for (int i = 0; i < count; i++) {
        container
            .add("PrimaryClaimCauseOfAction")
            .leaf("CauseOfActionType", i == 0 ? "Rent" : causes.pick(stable))
            .leaf(
                "InterestFromDate", stable.nextDouble() < 0.7 ? CaseFrame.date(interestFrom) : null)
            .leaf(
                "Amount",
                stable.nextDouble() < 0.95 ? CaseFrame.amount(amounts[i], wholeDollars) : null);
      }
    }
    return total;
  }

  /** The Parties section; returns each party's role (petitioner first, then the respondent). */
  private List<String> parties(XmlElement index, SplittableRandom stable) {
    int count = partyCounts.pick(stable);
    List<String> partyRoles = new ArrayList<>(count);
    XmlElement section = index.add("Parties");
    for (int i = 0; i < count; i++) {
      String role = i == 0 ? "Petitioner" : i == 1 ? "Respondent" : roles.pick(stable);
      boolean petitioner = i == 0;
      String partyType =
          petitioner
              ? (stable.nextDouble() < 0.85 ? "Business" : "Individual")
              : partyTypes.pick(stable);
      String representation =
          petitioner && stable.nextDouble() < 0.9 ? "Attorney" : representations.pick(stable);
      section
          .add("Party")
          .leaf("Role", role)
          .leaf("PartyType", stable.nextDouble() < 0.97 ? partyType : null)
          .leaf("RepresentationType", stable.nextDouble() < 0.92 ? representation : null)
          .leaf(
              "Undertenant",
              stable.nextDouble() < 0.9 ? Boolean.toString("Undertenant".equals(role)) : null);
      partyRoles.add(role);
    }
    return partyRoles;
  }
}
