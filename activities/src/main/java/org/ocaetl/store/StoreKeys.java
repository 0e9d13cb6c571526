package org.ocaetl.store;

import org.ocaetl.model.OcaTable;

/** The key layout of the object store (README "Object store layout"). */
public final class StoreKeys {
  public static final String PRIVATE = "private/";
  public static final String PUBLIC = "public/";

  private StoreKeys() {}

  /** The archived raw zip. */
  public static String raw(String fileName) {
    return PRIVATE + "raw/" + checkName(fileName);
  }

  /** Prefix of one file's staged CSVs and report. */
  public static String staging(String fileName) {
    return PRIVATE + "staging/" + checkName(fileName) + "/";
  }

  public static String stagedCsv(String fileName, OcaTable table) {
    return staging(fileName) + table.csvName();
  }

  public static String report(String fileName) {
    return staging(fileName) + "report.json";
  }

  /** Public snapshot of a table or view. */
  public static String published(String objectName) {
    return PUBLIC + checkName(objectName);
  }

  /** Rejects names that could escape their prefix. */
  static String checkName(String name) {
    if (name == null
        || name.isEmpty()
        || name.contains("/")
        || name.contains("\\")
        || name.equals(".")
        || name.equals("..")) {
      throw new IllegalArgumentException("Not a plain file name: " + name);
    }
    return name;
  }
}
