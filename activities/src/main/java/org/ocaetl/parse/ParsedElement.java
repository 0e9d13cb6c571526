package org.ocaetl.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * One element of a small in-memory tree holding a single {@code Index} (or {@code RunDate}). The
 * tree lives only while its case is converted, so memory never grows with the file.
 *
 * <p>Why not Jackson binding: the extraction rules need "the first direct child with this tag",
 * "every matching element at any depth under the first container", the presence of an empty
 * {@code <Delete/>} marker, and NULL elements of the parallel warrant arrays. A POJO binding loses
 * exactly these distinctions (it merges repeated children, cannot tell an empty element from a
 * missing one, and flattens wrappers), so a hand-written subtree reader plus {@link CaseConverter}
 * states the rules directly.
 */
public class ParsedElement {
  private static final List<ParsedElement> NO_CHILDREN = List.of();

  private final String name;
  private final int line;
  private String text;
  private List<ParsedElement> children = NO_CHILDREN;
  // set on the element a subtree reader returns only (it fits in the object's alignment padding)
  private TreeSize size;

  ParsedElement(String name, int line) {
    this.name = name;
    this.line = line;
  }

  /**
   * Local names of the element's attributes; no column reads any, so they are kept only to be
   * reported as extract drift. Empty for nearly every element: only an element that has attributes
   * is an {@link Attributed}, so the others carry no field for them.
   */
  public List<String> attributeNames() {
    return NO_ATTRIBUTES;
  }

  private static final List<String> NO_ATTRIBUTES = List.of();

  /** An element with attributes. */
  static final class Attributed extends ParsedElement {
    private final List<String> attributeNames;

    Attributed(String name, int line, List<String> attributeNames) {
      super(name, line);
      this.attributeNames = List.copyOf(attributeNames);
    }

    @Override
    public List<String> attributeNames() {
      return attributeNames;
    }
  }

  /** Local name (namespaces are ignored consistently). */
  public String name() {
    return name;
  }

  /** 1-based line of the start tag in the XML member. */
  public int line() {
    return line;
  }

  /**
   * The element's own character data, unchanged (no trimming), or null when it has none. An empty
   * element ({@code <X/>} or {@code <X></X>}) has null text, which is NULL by docs/processing-rules.md#rule-9. A container's
   * indentation whitespace is dropped; its non-blank mixed text is kept.
   */
  public String text() {
    return text;
  }

  void text(String text) {
    this.text = text;
  }

  public List<ParsedElement> children() {
    return children;
  }

  boolean hasChildren() {
    return children != NO_CHILDREN;
  }

  int childCount() {
    return children.size();
  }

  /**
   * For an element read as a whole (an {@code Index} or {@code RunDate}): its size, and whether it
   * was cut short as too large; null for the elements inside it.
   */
  public TreeSize size() {
    return size;
  }

  void size(TreeSize size) {
    this.size = size;
  }

  void add(ParsedElement child) {
    if (children == NO_CHILDREN) {
      children = new ArrayList<>(8);
    }
    children.add(child);
  }

  /** The first direct child with that local name, or null. */
  public ParsedElement firstChild(String childName) {
    // indexed loops: these run for every column of every row, and an iterator per call showed up
    // as a tenth of the parse thread's allocations
    List<ParsedElement> all = children;
    for (int i = 0, n = all.size(); i < n; i++) {
      ParsedElement child = all.get(i);
      if (child.name.equals(childName)) {
        return child;
      }
    }
    return null;
  }

  /** The text of the first direct child with that name; null when missing or empty (docs/processing-rules.md#rule-9). */
  public String childText(String childName) {
    ParsedElement child = firstChild(childName);
    return child == null ? null : child.text;
  }

  /** Every element with that local name at any depth below this one, in document order. */
  public List<ParsedElement> descendants(String descendantName) {
    List<ParsedElement> found = new ArrayList<>();
    collect(descendantName, found);
    return found;
  }

  private void collect(String descendantName, List<ParsedElement> found) {
    List<ParsedElement> all = children;
    for (int i = 0, n = all.size(); i < n; i++) {
      ParsedElement child = all.get(i);
      if (child.name.equals(descendantName)) {
        found.add(child);
      }
      child.collect(descendantName, found);
    }
  }

  @Override
  public String toString() {
    return "<" + name + "> at line " + line;
  }
}
