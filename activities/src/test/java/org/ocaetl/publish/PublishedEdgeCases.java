package org.ocaetl.publish;

import org.ocaetl.model.OcaTable;
import org.ocaetl.promote.StagedFileFixture;

/**
 * A staged file whose values are the edges a typed reader gets wrong: array elements with commas,
 * quotes, braces, backslashes, the text NULL, NULL elements and empty elements; 5000.00 beside 5000
 * and 0.001; NULL beside the empty string; characters outside the Basic Multilingual Plane; a
 * multi-line text; true, false and NULL booleans.
 */
final class PublishedEdgeCases {
  static final String FILE = "LandlordTenant.Incr.2024-03-08.zip";

  private PublishedEdgeCases() {}

  static StagedFileFixture file() {
    return StagedFileFixture.file(FILE)
        .fullVersion("LT-1", "a")
        .version("LT-EDGE", c -> c
            .index("court", "", "fileddate", "2020-02-29", "disposedreason", "Tenant 😀 𝄞 left",
                "specialtydesignationtypes", "{\"a,b\",\"quote\\\"d\",\"{brace}\",\"back\\\\slash\",\"NULL\",NULL,\"\",😀}",
                "primaryclaimtotal", "5000")
            .row(OcaTable.OCA_CAUSES, "causeofactiontype", "Rent, \"arrears\"", "amount", "0.001")
            .row(OcaTable.OCA_ADDRESSES, "street1", "9 Edge St", "city", "", "state", "NY", "postalcode", null)
            .row(OcaTable.OCA_DECISIONS, "sequence", "2", "highlight", ".....Key: 𝄞\r\n.....Other: \"q\", x")
            .row(OcaTable.OCA_JUDGMENTS, "sequence", "1", "withpossession", "false", "totaljudgmentamount", "5000.00",
                "entereddatetime", "2023-12-31 23:59:59", "creditorsroles", "{NULL}", "debtorsroles", "{}")
            .row(OcaTable.OCA_JUDGMENTS, "sequence", "2", "amendedfromjudgmentsequence", "1")
            .row(OcaTable.OCA_WARRANTS, "judgmentsequence", "1", "sequence", "B",
                "propertiesonwarrantcities", "{\"NEW YORK, NY\",NULL,\"\"}",
                "propertiesonwarrantstates", "{NY,NULL,NY}",
                "propertiesonwarrantpostalcodes", "{10001,NULL,\"}\"}",
                "issuancestayeddays", "-3"))
        .delete("LT-GONE");
  }
}
