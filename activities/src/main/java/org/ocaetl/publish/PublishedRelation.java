package org.ocaetl.publish;

import static org.ocaetl.model.ColumnType.BIGINT;
import static org.ocaetl.model.ColumnType.BOOLEAN;
import static org.ocaetl.model.ColumnType.DATE;
import static org.ocaetl.model.ColumnType.INT;
import static org.ocaetl.model.ColumnType.NUMERIC;
import static org.ocaetl.model.ColumnType.TEXT;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.model.Column;
import org.ocaetl.model.OcaTable;
import org.ocaetl.store.StoreKeys;

/**
 * One table or view published under {@code public/} (docs/tables.md#published-files), as
 * {@code public/<name>.csv} and {@code public/parquet/<name>.parquet}, and described in
 * {@code public/datapackage.json}.
 *
 * @param name the published name (file base name and data package resource name)
 * @param source the table or view the rows are read from
 * @param columns the published columns in order, with their catalog types
 * @param primaryKey the columns that identify a row; empty when rows have no key of their own
 * @param referencesIndex whether {@code indexnumberid} names a case of {@code oca_index}
 */
public record PublishedRelation(
    String name, SqlIdentifier source, List<Column> columns, List<String> primaryKey, boolean referencesIndex) {
  private static final String INDEX_ID = "indexnumberid";
  private static final List<SqlIdentifier> LEVEL_TWO_VIEWS = List.of(LevelTwoViews.WITH_BBL, LevelTwoViews.WITH_CT);

  public PublishedRelation {
    columns = List.copyOf(columns);
    if (primaryKey == null) {
      throw new IllegalArgumentException(
          "Published relation " + name + ": no primary key given; a relation without one has an empty list");
    }
    primaryKey = List.copyOf(primaryKey);
    List<String> names = columns.stream().map(Column::name).toList();
    for (String key : primaryKey) {
      if (!names.contains(key)) {
        throw new IllegalArgumentException(
            "Published relation " + name + ": primary key column " + key + " is not one of its columns " + names);
      }
    }
  }

  /**
   * Every relation a publish may write, in publish order: adding one is one line here plus its
   * column descriptions (publish/column-descriptions.tsv). The level-2 views are published only where
   * the schema has them ({@link #available}); the full address table is never in this list.
   */
  public static final List<PublishedRelation> ALL = all();

  private static List<PublishedRelation> all() {
    List<PublishedRelation> all = new ArrayList<>();
    for (OcaTable table : OcaTable.values()) {
      if (table != OcaTable.OCA_ADDRESSES) {
        boolean keyed = table == OcaTable.OCA_INDEX || table == OcaTable.OCA_METADATA;
        all.add(new PublishedRelation(
            table.tableName(),
            SqlIdentifier.of(table.tableName()),
            table.columns(),
            keyed ? List.of(INDEX_ID) : List.of(),
            OcaTable.CHILD_TABLES.contains(table)));
      }
    }
    all.add(addressView(OcaTable.OCA_ADDRESSES.tableName(), SqlIdentifier.of("oca_addresses_public"), List.of()));
    all.add(addressView(LevelTwoViews.WITH_BBL.name(), LevelTwoViews.WITH_BBL, List.of(
        text("borough_code"), text("place_name"), text("boro"), text("cd"), new Column("ct", NUMERIC),
        text("bct2020"), text("bctcb2020"), new Column("ct2010", NUMERIC), text("cb2010"), text("council"),
        text("grc"), text("grc2"), text("msg"), text("msg2"), new Column("unitsres", INT), text("bbl"))));
    all.add(new PublishedRelation(
        LevelTwoViews.WITH_CT.name(),
        LevelTwoViews.WITH_CT,
        Stream.of("indexnumberid", "geoid", "countyfp", "city", "state", "postalcode").map(PublishedRelation::text)
            .toList(),
        List.of(),
        true));
    all.add(new PublishedRelation("oca_case_summary", SqlIdentifier.of("oca_case_summary"), caseSummaryColumns(),
        List.of(INDEX_ID), true));
    return List.copyOf(all);
  }

  /** The columns of the view oca_case_summary (migration V8, docs/tables.md#oca_case_summary). */
  private static List<Column> caseSummaryColumns() {
    return List.of(
        text("indexnumberid"), text("court"), text("borough"), text("postalcode"), new Column("fileddate", DATE),
        new Column("filed_year", INT), new Column("filed_week", DATE), text("classification"), text("propertytype"),
        text("status"), new Column("disposeddate", DATE), text("disposedreason"),
        new Column("first_appearance_date", DATE), new Column("last_appearance_date", DATE),
        new Column("appearances", BIGINT), new Column("respondent_attorney", BOOLEAN),
        new Column("petitioner_attorney", BOOLEAN), new Column("judgments", BIGINT),
        new Column("possession_judgment", BOOLEAN), text("possession_judgment_status"),
        new Column("judgment_amount", NUMERIC),
        new Column("warrant_requested", BOOLEAN), new Column("warrant_requested_date", DATE),
        new Column("warrant_ordered", BOOLEAN), new Column("warrant_ordered_date", DATE),
        new Column("warrant_issued", BOOLEAN), new Column("warrant_issued_date", DATE),
        new Column("warrant_stayed", BOOLEAN), new Column("warrant_stayed_date", DATE),
        new Column("warrant_executed", BOOLEAN), new Column("warrant_executed_date", DATE),
        text("bbl"));
  }

  /** The address columns without street or geocode, then {@code more}. */
  private static PublishedRelation addressView(String name, SqlIdentifier source, List<Column> more) {
    List<Column> columns = new ArrayList<>();
    Stream.of("indexnumberid", "city", "state", "postalcode").map(OcaTable.OCA_ADDRESSES::column).forEach(columns::add);
    columns.addAll(more);
    return new PublishedRelation(name, source, columns, List.of(), true);
  }

  private static Column text(String name) {
    return new Column(name, TEXT);
  }

  /** The relations of {@link #ALL} a schema with these level-2 views publishes. */
  public static List<PublishedRelation> available(List<SqlIdentifier> levelTwoViews) {
    return ALL.stream()
        .filter(r -> !LEVEL_TWO_VIEWS.contains(r.source()) || levelTwoViews.contains(r.source()))
        .toList();
  }

  /** The published CSV's key, {@code public/<name>.csv}. */
  public String csvKey() {
    return StoreKeys.published(csvPath());
  }

  /** The published Parquet file's key, {@code public/parquet/<name>.parquet}. */
  public String parquetKey() {
    return StoreKeys.requireKey(StoreKeys.PUBLIC + parquetPath());
  }

  /** The CSV's path relative to {@code public/}. */
  public String csvPath() {
    return name + ".csv";
  }

  /** The Parquet file's path relative to {@code public/}. */
  public String parquetPath() {
    return parquetPath(name);
  }

  /** The path relative to {@code public/} of the Parquet file of the relation published as {@code name}. */
  static String parquetPath(String name) {
    return "parquet/" + name + ".parquet";
  }

  /** The column names, in order. */
  public List<SqlIdentifier> columnNames() {
    return columns.stream().map(Column::name).map(SqlIdentifier::of).toList();
  }
}
