package org.ocaetl.store;

import java.util.Locale;
import java.util.Map;

/**
 * The HTTP metadata an object is served with, derived from its key so every writer and every
 * store agrees: the content type from the extension (the caller's type only for extensions this
 * table does not know, {@code application/octet-stream} when there is none) and
 * {@code Cache-Control: no-cache} for the date file, badge and status page (a cached copy would show a stale data date).
 *
 * @param contentType the Content-Type header
 * @param cacheControl the Cache-Control header, or null for the store's default caching
 */
public record ObjectMetadata(String contentType, String cacheControl) {
  public static final String NO_CACHE = "no-cache";
  static final String UNKNOWN_TYPE = "application/octet-stream";

  private static final Map<String, String> TYPES_BY_EXTENSION =
      Map.of(
          "csv", "text/csv; charset=utf-8",
          "json", "application/json",
          "svg", "image/svg+xml",
          "txt", "text/plain; charset=utf-8",
          "zip", "application/zip");

  /**
   * @param key the object key
   * @param requestedType what the writer asked for; used only when the extension is unknown
   */
  public static ObjectMetadata forKey(String key, String requestedType) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    String type = TYPES_BY_EXTENSION.get(extension);
    if (type == null) {
      type = requestedType == null || requestedType.isBlank() ? UNKNOWN_TYPE : requestedType;
    }
    return new ObjectMetadata(type, StoreKeys.servedUncached(key) ? NO_CACHE : null);
  }
}
