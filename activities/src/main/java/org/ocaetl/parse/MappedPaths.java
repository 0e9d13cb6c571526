package org.ocaetl.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every element path of an {@code Index} that the parser reads, as a tree built from {@link
 * CaseMappings}: what {@link ExtractDriftCounter} compares each case against. A repeated group's
 * items and a list's items are found at any depth under their container (as {@link CaseConverter}
 * finds them), so the container's node names its item and an unknown wrapper in between does not
 * hide them.
 */
final class MappedPaths {
  static final String INDEX = "Index";

  /** One mapped element: its path from {@code Index}, its mapped children, and its item if it is a container. */
  static final class Node {
    final String path;
    final Map<String, Node> children = new HashMap<>();
    /** The item a container's rows or list elements are searched for at any depth; null otherwise. */
    String anyDepthItem;

    Node(String path) {
      this.path = path;
    }

    Node child(String name) {
      return children.computeIfAbsent(name, n -> new Node(path + "/" + n));
    }
  }

  static final Node ROOT = build();
  /** The paths that carry a column's value, in mapping order: what a large file is expected to hold. */
  static final List<String> COLUMN_PATHS = columnPaths();

  private MappedPaths() {}

  private static Node build() {
    Node index = new Node(INDEX);
    index.child("IndexNumberId");
    index.child("Delete"); // a delete record's marker (docs/processing-rules.md#rule-6)
    for (TableMapping mapping : CaseMappings.ALL) {
      Node row = rowNode(index, mapping);
      for (ColumnSource source : mapping.sources()) {
        switch (source) {
          case ColumnSource.ChildValue child -> row.child(child.element());
          case ColumnSource.TextList list -> listLeaf(row, list.container(), list.item(), list.leaf());
          case ColumnSource.ParallelTextList list -> listLeaf(row, list.container(), list.item(), list.leaf());
          case ColumnSource.CaseId id -> {
            // the case's IndexNumberId, mapped above
          }
          case ColumnSource.Derived derived -> {
            // from the structure: no element of its own
          }
        }
      }
    }
    return index;
  }

  /** The node of a mapping's row element: Index itself, or its item under the parent row's container. */
  private static Node rowNode(Node index, TableMapping mapping) {
    if (mapping.container() == null) {
      return index;
    }
    Node parent = index;
    String parentPath = mapping.path().substring(0, mapping.path().length() - (mapping.container() + "/" + mapping.item()).length());
    for (String step : parentPath.split("/")) {
      if (!step.isEmpty()) {
        parent = parent.child(step);
      }
    }
    Node container = parent.child(mapping.container());
    container.anyDepthItem = mapping.item();
    return container.child(mapping.item());
  }

  private static Node listLeaf(Node row, String container, String item, String leaf) {
    Node containerNode = row.child(container);
    containerNode.anyDepthItem = item;
    Node itemNode = containerNode.child(item);
    return leaf == null ? itemNode : itemNode.child(leaf);
  }

  private static List<String> columnPaths() {
    List<String> paths = new ArrayList<>();
    collectLeaves(ROOT, paths);
    paths.remove(INDEX + "/Delete");
    return List.copyOf(paths);
  }

  private static void collectLeaves(Node node, List<String> paths) {
    if (node.children.isEmpty()) {
      paths.add(node.path);
      return;
    }
    node.children.values().stream()
        .sorted(java.util.Comparator.comparing(n -> n.path))
        .forEach(child -> collectLeaves(child, paths));
  }
}
