package org.ocaetl.store;

import org.ocaetl.model.OcaTable;

/** The key layout of the object store (README "Object store layout"). */
public final class StoreKeys {
  public static final String PRIVATE = "private/";
  public static final String PUBLIC = "public/";

  /** The published data date ({@code YYYY-MM-DD}), read by browsers: served uncached. */
  public static final String DATE_FILE = "last-updated-date.txt";

  /** The published "Last Updated" badge, embedded in web pages: served uncached. */
  public static final String BADGE_FILE = "last-updated-shield.svg";

  /** The status page (public/index.html), rewritten by every publish: served uncached. */
  public static final String STATUS_PAGE = "index.html";

  private StoreKeys() {}

  /** The archived raw zip. */
  public static String raw(String fileName) {
    return PRIVATE + "raw/" + checkName(fileName);
  }

  /** The SHA-256 (hex) of the archived raw zip, written once its copy is complete. */
  public static String rawChecksum(String fileName) {
    return raw(fileName) + ".sha256";
  }

  /**
   * What the inbox listing said of the raw zip (size, modification time or ETag) when its
   * SHA-256 was last computed from the inbox copy, with that SHA-256.
   */
  public static String rawListing(String fileName) {
    return raw(fileName) + ".listing";
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

  /**
   * Whether readers must revalidate the object on every fetch: the date file, badge and status page
   * change weekly under the same name, and caches would otherwise freeze them.
   */
  public static boolean servedUncached(String key) {
    return key.equals(PUBLIC + DATE_FILE) || key.equals(PUBLIC + BADGE_FILE) || key.equals(PUBLIC + STATUS_PAGE);
  }

  /**
   * Checks a whole key: relative, '/'-separated, no empty, "." or ".." segment, no backslash. A
   * store resolves keys under its root, so a key must never be able to leave it.
   */
  public static String requireKey(String key) {
    if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("\\")) {
      throw new IllegalArgumentException("Invalid object key: " + key);
    }
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("Invalid object key: " + key);
      }
    }
    return key;
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
