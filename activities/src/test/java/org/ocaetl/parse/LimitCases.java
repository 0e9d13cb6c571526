package org.ocaetl.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.ocaetl.model.Column;
import org.ocaetl.model.ColumnType;
import org.ocaetl.model.OcaTable;

/**
 * Index elements for testing the column limits (docs/column-limits.md): one element for every
 * value that {@link CaseMappings} reads, so a new column can never escape the tests. Each text
 * value (scalar or array element) comes from a function of its {@link Slot}; dates, timestamps,
 * integers and booleans get a fixed valid value.
 */
public final class LimitCases {
  private LimitCases() {}

  /**
   * One text value of a case.
   *
   * @param table its table
   * @param column its column (for an array, each element is limited)
   * @param element its element path below Index, as failures name it
   */
  public record Slot(OcaTable table, Column column, String element) {
    public boolean isAddress() {
      return FailureValues.isAddressElement(element);
    }
  }

  /** Every length-limited value of a case, in document order (IndexNumberId not included). */
  public static List<Slot> slots() {
    List<Slot> slots = new ArrayList<>();
    index("x", slot -> {
      slots.add(slot);
      return "1";
    });
    return slots;
  }

  /**
   * An {@code Index} with id {@code id} (XML-escaped here) and one element, row and array element
   * for every value of {@link #slots()}, whose text is {@code text.apply(slot)} (null: left out).
   */
  public static String index(String id, Function<Slot, String> text) {
    StringBuilder xml = new StringBuilder("<Index><IndexNumberId>").append(escape(id)).append("</IndexNumberId>");
    appendRow(xml, CaseMappings.INDEX, text);
    return xml.append("</Index>").toString();
  }

  /**
   * The elements of one row of {@code mapping}: its scalars, its arrays (one item each; arrays
   * that share a container, like the warrant's parallel City/State/PostalCode, share one item),
   * then the groups nested in it.
   */
  private static void appendRow(StringBuilder xml, TableMapping mapping, Function<Slot, String> text) {
    Map<String, StringBuilder> items = new LinkedHashMap<>();
    List<Column> columns = mapping.columns();
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      switch (mapping.sources().get(i)) {
        case ColumnSource.ChildValue child -> {
          String value =
              column.maxLength() == Column.FIXED_FORMAT
                  ? fixedFormatValue(column)
                  : text.apply(slot(mapping, column, child.element()));
          element(xml, child.element(), value);
        }
        case ColumnSource.TextList list ->
            listElement(items, mapping, column, list.container(), list.item(), list.leaf(), text);
        case ColumnSource.ParallelTextList list ->
            listElement(items, mapping, column, list.container(), list.item(), list.leaf(), text);
        case ColumnSource.CaseId id -> {}
        case ColumnSource.Derived derived -> {}
      }
    }
    items.forEach(
        (containerAndItem, content) -> {
          String[] names = containerAndItem.split("/");
          xml.append('<').append(names[0]).append('>');
          wrap(xml, names[1], content.toString());
          xml.append("</").append(names[0]).append('>');
        });
    for (TableMapping nested : CaseMappings.ALL) {
      if (nested != CaseMappings.INDEX && parentPath(nested).equals(mapping.path())) {
        xml.append('<').append(nested.container()).append("><").append(nested.item()).append('>');
        appendRow(xml, nested, text);
        xml.append("</").append(nested.item()).append("></").append(nested.container()).append('>');
      }
    }
  }

  /** Adds one array element to the content of the item {@code container/item}. */
  private static void listElement(
      Map<String, StringBuilder> items,
      TableMapping mapping,
      Column column,
      String container,
      String item,
      String leaf,
      Function<Slot, String> text) {
    String path = container + "/" + item;
    String value = text.apply(slot(mapping, column, leaf == null ? path : path + "/" + leaf));
    StringBuilder content = items.computeIfAbsent(path, k -> new StringBuilder());
    if (leaf == null) {
      content.append(value == null ? "" : escape(value));
    } else {
      element(content, leaf, value);
    }
  }

  private static Slot slot(TableMapping mapping, Column column, String relative) {
    return new Slot(mapping.table(), column, mapping.path().isEmpty() ? relative : mapping.path() + "/" + relative);
  }

  private static String parentPath(TableMapping mapping) {
    String own = mapping.container() + "/" + mapping.item();
    return mapping.path().equals(own) ? "" : mapping.path().substring(0, mapping.path().length() - own.length() - 1);
  }

  private static String fixedFormatValue(Column column) {
    return switch (column.type()) {
      case DATE -> "2024-01-02";
      case TIMESTAMP -> "2024-01-02T03:04:05";
      case INT -> "7";
      case BOOLEAN -> "true";
      default -> throw new IllegalArgumentException(column + " is not read from one element");
    };
  }

  /** {@code <name>value</name>}, escaped; nothing for null. */
  private static void element(StringBuilder xml, String name, String value) {
    if (value != null) {
      wrap(xml, name, escape(value));
    }
  }

  /** {@code <name>content</name>}, content already XML. */
  private static void wrap(StringBuilder xml, String name, String content) {
    xml.append('<').append(name).append('>').append(content).append("</").append(name).append('>');
  }

  /** XML text for {@code value}; a carriage return as a reference, so it survives line-end handling. */
  public static String escape(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;");
  }

  /**
   * {@code characters} code points, the hardest for indexes and CSV: mostly 4-byte UTF-8
   * characters (an index entry's worst size), mixed with 3- and 2-byte ones and the characters
   * CSV and array literals must quote or escape; random from {@code seed}, so that PostgreSQL
   * cannot compress an index entry below its limit.
   */
  public static String worst(int characters, long seed) {
    String special = "\",\n\\{} '";
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder out = new StringBuilder(characters * 2);
    for (int i = 0; i < characters; i++) {
      int kind = random.nextInt(10);
      if (kind < 6) {
        out.appendCodePoint(random.nextInt(0x1F300, 0x1FAFF)); // emoji and symbols: 4 bytes
      } else if (kind < 8) {
        out.appendCodePoint(random.nextInt(0x4E00, 0x9FFF)); // CJK: 3 bytes
      } else if (kind < 9) {
        out.appendCodePoint(random.nextInt(0x00C0, 0x017F)); // Latin letters: 2 bytes
      } else {
        out.append(special.charAt(random.nextInt(special.length())));
      }
    }
    return out.toString();
  }

  /**
   * A value of {@code characters} code points for {@code slot}: decimal digits for a numeric
   * column, else {@link #worst}.
   */
  public static String valueOf(Slot slot, int characters, long seed) {
    if (slot.column().type() == ColumnType.NUMERIC) {
      return characters < 4 ? "9".repeat(characters) : "9".repeat(characters - 3) + ".25";
    }
    return worst(characters, seed);
  }
}
