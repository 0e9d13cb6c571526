package org.ocaetl.promote;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ocaetl.model.Column;
import org.ocaetl.model.OcaTable;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.store.StoreKeys;

/**
 * Writes the twelve staged CSVs of one raw file into a store, in exactly the exporter's format
 * (PostgreSQL COPY csv with header), from compact per-case descriptions:
 *
 * <pre>{@code
 * StagedFile f = StagedFileFixture.file("LandlordTenant.Incr.2024-03-08.zip")
 *     .version("LT-1", c -> c
 *         .index("court", "Kings", "status", "Active")
 *         .row(OCA_CAUSES, "causeofactiontype", "NonPayment", "amount", "5000.00")
 *         .row(OCA_ADDRESSES, "street1", "1 Main St", "city", "Brooklyn"))
 *     .delete("LT-2")
 *     .writeTo(store);
 * }</pre>
 *
 * Values are given as the text PostgreSQL reads (dates {@code 2024-01-31}, arrays {@code {A,B}});
 * {@code null} is NULL, {@code ""} the empty string. Unnamed columns are NULL; indexnumberid is
 * filled in. The extract date is taken from the file name. A case id given twice keeps the last
 * version (docs/processing-rules.md#rule-4), and a delete record of the id anywhere in the file wins (docs/processing-rules.md#rule-6, with the
 * version's updatedate, docs/processing-rules.md#rule-7), as the exporter does.
 */
public final class StagedFileFixture {
  private final String fileName;
  private final LocalDate extractDate;
  private final Map<String, CaseRecord> cases = new LinkedHashMap<>();
  private String sha256;

  private StagedFileFixture(String fileName, LocalDate extractDate) {
    this.fileName = fileName;
    this.extractDate = extractDate;
  }

  /** A file whose extract date is the {@code yyyy-MM-dd} in its name. */
  public static StagedFileFixture file(String fileName) {
    Matcher m = Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(fileName);
    if (!m.find()) {
      throw new IllegalArgumentException("No date in " + fileName);
    }
    return new StagedFileFixture(fileName, LocalDate.parse(m.group()));
  }

  /** A case version (no Delete) described by {@code body}. */
  public StagedFileFixture version(String id, Consumer<CaseVersion> body) {
    CaseVersion v = new CaseVersion(id);
    body.accept(v);
    if (cases.get(id) instanceof DeleteRecord) {
      cases.put(id, new DeleteRecord(id, true));
      return this;
    }
    cases.remove(id);
    cases.put(id, v);
    return this;
  }

  /** A case version with one row in every data table, each value tagged with {@code tag}. */
  public StagedFileFixture fullVersion(String id, String tag) {
    return version(id, c -> c.everySection(tag));
  }

  /** A delete record. */
  public StagedFileFixture delete(String id) {
    CaseRecord before = cases.remove(id);
    boolean versionSeen =
        before instanceof CaseVersion || (before instanceof DeleteRecord d && d.versionSeen());
    cases.put(id, new DeleteRecord(id, versionSeen));
    return this;
  }

  /** Overrides the raw file checksum (default: derived from the staged content). */
  public StagedFileFixture sha256(String hex) {
    this.sha256 = hex;
    return this;
  }

  /** Writes the twelve CSVs and returns the promotion input for them. */
  public StagedFile writeTo(ObjectStore store) throws IOException {
    MessageDigest digest = sha256Digest();
    for (OcaTable table : OcaTable.values()) {
      String csv = csv(table);
      byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
      digest.update(bytes);
      store.put(StoreKeys.stagedCsv(fileName, table), new ByteArrayInputStream(bytes), "text/csv");
    }
    String hex = sha256 != null ? sha256 : HexFormat.of().formatHex(digest.digest());
    return new StagedFile(fileName, extractDate, hex);
  }

  /** The CSV text of one table. */
  public String csv(OcaTable table) {
    StringBuilder out = new StringBuilder(table.columnList()).append('\n');
    for (CaseRecord record : cases.values()) {
      for (Map<String, String> row : record.rows(table, extractDate)) {
        List<String> fields = new ArrayList<>();
        for (Column column : table.columns()) {
          fields.add(field(row.get(column.name())));
        }
        out.append(String.join(",", fields)).append('\n');
      }
    }
    return out.toString();
  }

  /** PostgreSQL CSV: NULL is an empty unquoted field; quote only when needed (or for ""). */
  private static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.isEmpty()
        || value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }

  private MessageDigest sha256Digest() {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(fileName.getBytes(StandardCharsets.UTF_8));
      return d;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private interface CaseRecord {
    List<Map<String, String>> rows(OcaTable table, LocalDate extractDate);
  }

  /** A delete record; {@code versionSeen}: the file also holds a version of the id. */
  private record DeleteRecord(String id, boolean versionSeen) implements CaseRecord {
    @Override
    public List<Map<String, String>> rows(OcaTable table, LocalDate d) {
      if (table != OcaTable.OCA_METADATA) {
        return List.of();
      }
      return List.of(metadata(id, d.toString(), versionSeen ? d.toString() : null, d.toString()));
    }
  }

  /** One case version: its oca_index values and child rows. */
  public static final class CaseVersion implements CaseRecord {
    private final String id;
    private final Map<OcaTable, List<Map<String, String>>> rows = new LinkedHashMap<>();

    private CaseVersion(String id) {
      this.id = id;
      rows.put(OcaTable.OCA_INDEX, new ArrayList<>(List.of(withId(Map.of()))));
    }

    /** Sets oca_index columns: alternating column names and values. */
    public CaseVersion index(String... columnsAndValues) {
      rows.get(OcaTable.OCA_INDEX).getFirst().putAll(pairs(OcaTable.OCA_INDEX, columnsAndValues));
      return this;
    }

    /** Adds one child row: alternating column names and values. */
    public CaseVersion row(OcaTable table, String... columnsAndValues) {
      if (table == OcaTable.OCA_INDEX || table == OcaTable.OCA_METADATA) {
        throw new IllegalArgumentException("row() is for child tables");
      }
      rows.computeIfAbsent(table, t -> new ArrayList<>()).add(withId(pairs(table, columnsAndValues)));
      return this;
    }

    /** One row in every data table, with tag-dependent values of every column type. */
    public CaseVersion everySection(String tag) {
      long appearanceId = Math.abs((long) (id + "#" + tag).hashCode()) * 10;
      index("court", "Court " + tag, "fileddate", "2020-01-02", "status", "Active " + tag,
          "specialtydesignationtypes", "{HP,\"SMITH, JOHN\"}", "primaryclaimtotal", "5000.00");
      row(OcaTable.OCA_CAUSES, "causeofactiontype", "NonPayment " + tag, "amount", "1234.5678");
      row(OcaTable.OCA_ADDRESSES, "street1", "1 Main St " + tag, "street2", "Apt 1",
          "city", "Brooklyn", "state", "NY", "postalcode", "11201");
      row(OcaTable.OCA_PARTIES, "role", "Petitioner " + tag, "undertenant", "false");
      row(OcaTable.OCA_EVENTS, "eventname", "Event " + tag, "filingpartiesroles", "{Petitioner}");
      row(OcaTable.OCA_APPEARANCES, "appearanceid", Long.toString(appearanceId),
          "appearancedatetime", "2021-03-04 09:30:00", "appearancepurpose", "Purpose " + tag,
          "motionsequence", "1");
      row(OcaTable.OCA_APPEARANCE_OUTCOMES, "appearanceid", Long.toString(appearanceId),
          "appearanceoutcometype", "Adjourned " + tag);
      row(OcaTable.OCA_MOTIONS, "sequence", "1", "motiontype", "Motion " + tag);
      row(OcaTable.OCA_DECISIONS, "sequence", "1", "highlight", ".....Key: " + tag + "\n.....Other: x");
      row(OcaTable.OCA_JUDGMENTS, "sequence", "1", "judgmenttype", "Judgment " + tag,
          "withpossession", "true", "totaljudgmentamount", "99.90", "creditorsroles", "{Petitioner}");
      row(OcaTable.OCA_WARRANTS, "judgmentsequence", "1", "sequence", "A",
          "createdreason", "Reason " + tag, "propertiesonwarrantcities", "{Brooklyn,NULL}");
      return this;
    }

    @Override
    public List<Map<String, String>> rows(OcaTable table, LocalDate d) {
      if (table == OcaTable.OCA_METADATA) {
        return List.of(metadata(id, d.toString(), d.toString(), null));
      }
      return rows.getOrDefault(table, List.of());
    }

    private Map<String, String> withId(Map<String, String> values) {
      Map<String, String> row = new LinkedHashMap<>(values);
      row.put("indexnumberid", id);
      return row;
    }
  }

  private static Map<String, String> metadata(String id, String initial, String update, String delete) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("indexnumberid", id);
    row.put("initialdate", initial);
    row.put("updatedate", update);
    row.put("deletedate", delete);
    return row;
  }

  private static Map<String, String> pairs(OcaTable table, String... columnsAndValues) {
    if (columnsAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("column/value pairs expected");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      String column = columnsAndValues[i];
      if (table.columns().stream().noneMatch(c -> c.name().equals(column))) {
        throw new IllegalArgumentException(table.tableName() + " has no column " + column);
      }
      values.put(columnsAndValues[i], columnsAndValues[i + 1]);
    }
    return values;
  }
}
