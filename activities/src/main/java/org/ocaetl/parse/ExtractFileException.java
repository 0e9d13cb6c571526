package org.ocaetl.parse;

/**
 * A raw file that fails as a whole (docs/processing-rules.md#rule-3): not a readable zip, no LandlordTenantExtract.xml or
 * two of them, bytes not valid in its encoding, or XML that is not well-formed or hostile. The
 * message names the file and, inside the XML, the line and column. Never retried: the same bytes
 * fail the same way.
 */
public final class ExtractFileException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String fileName;
  private final int line;
  private final int column;

  public ExtractFileException(String fileName, int line, int column, String reason, Throwable cause) {
    super(message(fileName, line, column, reason), cause);
    this.fileName = fileName;
    this.line = line;
    this.column = column;
  }

  private static String message(String fileName, int line, int column, String reason) {
    return line > 0
        ? fileName + ": line " + line + ", column " + column + ": " + reason
        : fileName + ": " + reason;
  }

  public String fileName() {
    return fileName;
  }

  /** 1-based line of the error in the XML member, or -1 when not inside the XML. */
  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
