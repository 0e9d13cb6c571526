package org.ocaetl.generate;

import java.util.List;

/**
 * What the proceedings of a case are generated from: its parties, addresses, claim and the day it
 * ended (disposed) or the run date.
 *
 * @param roles the {@code Role} of each party, in order (the first is the petitioner)
 * @param addresses the property addresses (warrants name their city, state and ZIP)
 * @param claimCents the primary claim total in cents, 0 when there is none
 * @param wholeDollars whether the case's amounts are written without cents
 * @param endDay the disposed date, or the run date for an open case (epoch day)
 * @param disposed whether the case is disposed
 */
record CaseFacts(
    List<String> roles,
    List<AddressGenerator.Address> addresses,
    long claimCents,
    boolean wholeDollars,
    long endDay,
    boolean disposed) {}
