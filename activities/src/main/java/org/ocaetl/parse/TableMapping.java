package org.ocaetl.parse;

import java.util.ArrayList;
import java.util.List;
import org.ocaetl.model.Column;
import org.ocaetl.model.OcaTable;

/**
 * How the rows of one data table are read from an {@code Index}: which elements are rows and where
 * each staged column comes from. The staged columns are the table's leading columns in {@link
 * OcaTable} order (all of them, except the geocoder output of {@code oca_addresses}), so the types
 * used for conversion are the catalog's.
 *
 * @param table the target table
 * @param path element path of a row below {@code Index} (e.g. {@code Parties/Party}), empty for
 *     {@code oca_index} itself; used to name failing elements
 * @param container for a repeated group, the container element looked up as the first direct child
 *     of the parent row's element (null for {@code oca_index})
 * @param item the repeated element searched at any depth under that first container
 * @param columns staged columns, a prefix of the table's columns
 * @param sources where each staged column comes from, parallel to {@code columns}
 */
record TableMapping(
    OcaTable table,
    String path,
    String container,
    String item,
    List<Column> columns,
    List<ColumnSource> sources) {

  /** Index of a staged column (for the derived ones). */
  int columnIndex(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(table.tableName() + " has no staged column " + name);
  }

  /** The rows of {@code oca_index}: the Index element itself. */
  static Builder index(OcaTable table) {
    return new Builder(table, "", null, null);
  }

  /**
   * A repeated group: every {@code item} under the first direct child {@code container} of the
   * parent row's element; {@code parentPath} is that parent's path ("" for Index).
   */
  static Builder group(OcaTable table, String parentPath, String container, String item) {
    String prefix = parentPath.isEmpty() ? "" : parentPath + "/";
    return new Builder(table, prefix + container + "/" + item, container, item);
  }

  /** Adds columns in table order; {@link #build()} checks them against the catalog. */
  static final class Builder {
    private final OcaTable table;
    private final String path;
    private final String container;
    private final String item;
    private final List<ColumnSource> sources = new ArrayList<>();

    private Builder(OcaTable table, String path, String container, String item) {
      this.table = table;
      this.path = path;
      this.container = container;
      this.item = item;
    }

    Builder caseId() {
      return add("indexnumberid", new ColumnSource.CaseId());
    }

    Builder child(String column, String element) {
      return add(column, new ColumnSource.ChildValue(element));
    }

    Builder list(String column, String listContainer, String listItem, String leaf) {
      return add(column, new ColumnSource.TextList(listContainer, listItem, leaf));
    }

    Builder parallelList(String column, String listContainer, String listItem, String leaf) {
      return add(column, new ColumnSource.ParallelTextList(listContainer, listItem, leaf));
    }

    Builder derived(String column) {
      return add(column, new ColumnSource.Derived());
    }

    /** Columns must be added in catalog order: a mapping can never shift a value into the wrong column. */
    private Builder add(String column, ColumnSource source) {
      List<Column> all = table.columns();
      int position = sources.size();
      if (position >= all.size() || !all.get(position).name().equals(column)) {
        throw new IllegalStateException(
            table.tableName() + ": column " + position + " is not " + column);
      }
      sources.add(source);
      return this;
    }

    TableMapping build() {
      List<Column> staged = table.columns().subList(0, sources.size());
      return new TableMapping(table, path, container, item, List.copyOf(staged), List.copyOf(sources));
    }
  }
}
