package org.ocaetl.worker.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.ocaetl.testing.TestExtracts;

/** Small raw extract files for the end-to-end tests (no street addresses: level-1 cases). */
public final class Extracts {
  private Extracts() {}

  /** A case that converts, in court {@code court}. */
  public static String live(String id, String court) {
    return TestExtracts.index(id,
        "<Court>" + court + "</Court><FiledDate>2024-01-05</FiledDate><Status>Active</Status>"
            + "<FirstPaper>Petition</FirstPaper>"
            + "<PropertyAddresses><PropertyAddress><City>Bronx</City><State>NY</State>"
            + "<PostalCode>10451</PostalCode></PropertyAddress></PropertyAddresses>"
            + "<Parties><Party><Role>Respondent</Role><PartyType>Individual</PartyType></Party></Parties>");
  }

  /** A case that cannot be converted (docs/processing-rules.md#rule-8): FiledDate is not a date. */
  public static String unconvertible(String id) {
    return TestExtracts.index(id,
        "<Court>Kings Housing Court</Court><FiledDate>2024-02-30</FiledDate><Status>Active</Status>"
            + "<FirstPaper>Petition</FirstPaper><PropertyAddresses/><Parties/>");
  }

  public static String deleted(String id) {
    return TestExtracts.deleteRecord(id);
  }

  /** Writes {@code dir/fileName} with RunDate {@code runDate} and the given Index elements. */
  public static Path write(Path dir, String fileName, String runDate, String... indexes) throws IOException {
    return TestExtracts.zip(dir, fileName, TestExtracts.extract(runDate, indexes));
  }
}
