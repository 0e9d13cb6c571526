package org.ocaetl.geocodingstub;

import java.nio.charset.StandardCharsets;

/** Reads one part of a {@code multipart/form-data} body (enough for the stub's Census endpoint). */
final class StubMultipart {
  private StubMultipart() {}

  /** The text of part {@code name}, or null when the body has no such part. */
  static String part(String contentType, byte[] body, String name) {
    if (contentType == null || !contentType.startsWith("multipart/form-data")) {
      return null;
    }
    int at = contentType.indexOf("boundary=");
    if (at < 0) {
      return null;
    }
    String boundary = "--" + contentType.substring(at + "boundary=".length()).replace("\"", "").strip();
    String text = new String(body, StandardCharsets.UTF_8);
    for (String part : text.split(java.util.regex.Pattern.quote(boundary))) {
      int headersEnd = part.indexOf("\r\n\r\n");
      if (headersEnd < 0) {
        continue;
      }
      String headers = part.substring(0, headersEnd);
      if (headers.contains("name=\"" + name + "\"")) {
        String content = part.substring(headersEnd + 4);
        return content.endsWith("\r\n") ? content.substring(0, content.length() - 2) : content;
      }
    }
    return null;
  }
}
