package org.ocaetl.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A tiny mutable element tree holding one generated {@code Index} before it is written. Building
 * the case first and writing it afterwards lets edge cases be applied as small edits of a normal
 * case; only one case is ever held in memory.
 */
final class XmlElement {

  /** How a leaf's text is written. */
  enum TextStyle {
    /** Escaped by the XML writer ({@code &} becomes {@code &amp;}). */
    PLAIN,
    /** Written as a CDATA section. */
    CDATA,
    /** Written verbatim: already escaped markup such as {@code &#233;}. */
    RAW
  }

  private final String name;
  private String text;
  private TextStyle style = TextStyle.PLAIN;
  private List<XmlElement> children;

  private XmlElement(String name, String text) {
    this.name = name;
    this.text = text;
  }

  /** An element that holds child elements (possibly none: written as {@code <Name/>}). */
  static XmlElement container(String name) {
    return new XmlElement(name, null);
  }

  /** Appends and returns a new container child. */
  XmlElement add(String childName) {
    XmlElement child = container(childName);
    children().add(child);
    return child;
  }

  /**
   * Appends a text child unless {@code value} is null (a missing optional element); returns this.
   */
  XmlElement leaf(String childName, String value) {
    if (value != null) {
      children().add(new XmlElement(childName, value));
    }
    return this;
  }

  String name() {
    return name;
  }

  /** The text of a leaf, null for a container. */
  String text() {
    return text;
  }

  TextStyle style() {
    return style;
  }

  boolean isLeaf() {
    return text != null;
  }

  void setText(String value, TextStyle textStyle) {
    this.text = value;
    this.style = textStyle;
    this.children = null;
  }

  List<XmlElement> children() {
    if (children == null) {
      children = new ArrayList<>(8);
    }
    return children;
  }

  /** The first direct child with this name, or null. */
  XmlElement child(String childName) {
    if (children != null) {
      for (XmlElement child : children) {
        if (child.name.equals(childName)) {
          return child;
        }
      }
    }
    return null;
  }

  /** Every direct child with this name, in document order. */
  List<XmlElement> all(String childName) {
    List<XmlElement> found = new ArrayList<>();
    if (children != null) {
      for (XmlElement child : children) {
        if (child.name.equals(childName)) {
          found.add(child);
        }
      }
    }
    return found;
  }

  /** Removes the first direct child with this name; true when there was one. */
  boolean remove(String childName) {
    XmlElement child = child(childName);
    return child != null && children.remove(child);
  }
}
