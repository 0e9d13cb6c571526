package org.ocaetl.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.HexFormat;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Finds the first byte sequence of a stream that is not valid in its encoding, as the line and
 * column of the text. Woodstox reports invalid UTF-8 with offsets into its own buffers ("at char
 * #163, byte #37"), which name no place in the file; so, once a file has failed that way, its
 * member is decoded again with the JDK's strict decoder to say where.
 */
final class InvalidBytes {
  private static final int BUFFER = 64 * 1024;

  /**
   * @param line 1-based line of the invalid bytes
   * @param column 1-based column (in characters) where they start
   * @param bytes the invalid bytes in hex, e.g. {@code 0xC3}
   */
  record Found(int line, int column, String bytes) {}

  private InvalidBytes() {}

  /** The first invalid sequence of {@code in} in {@code charset}; empty when every byte decodes. */
  static Optional<Found> locate(InputStream in, Charset charset) throws IOException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    CharBuffer chars = CharBuffer.allocate(BUFFER);
    TextPosition position = new TextPosition();
    boolean end = false;
    while (true) {
      CoderResult result = decoder.decode(bytes, chars, end);
      position.advance(chars.flip());
      chars.clear();
      if (result.isError()) {
        return Optional.of(new Found(position.line, position.column, hex(bytes, result.length())));
      }
      if (result.isOverflow()) {
        continue;
      }
      if (end) {
        return Optional.empty();
      }
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      end = n < 0;
      bytes.position(bytes.position() + Math.max(n, 0)).flip();
    }
  }

  private static String hex(ByteBuffer bytes, int length) {
    StringJoiner joined = new StringJoiner(" ");
    for (int i = 0; i < length; i++) {
      joined.add("0x" + HexFormat.of().withUpperCase().toHexDigits(bytes.get(bytes.position() + i)));
    }
    return joined.toString();
  }

  /** Lines end at \n, \r\n or a lone \r, as XML normalises them; a leading BOM is no column. */
  private static final class TextPosition {
    int line = 1;
    int column = 1;
    private boolean afterCarriageReturn;
    private boolean started;

    void advance(CharBuffer text) {
      while (text.hasRemaining()) {
        char c = text.get();
        if (!started && c == '\uFEFF') {
          started = true;
          continue;
        }
        started = true;
        if (c == '\n' && afterCarriageReturn) {
          afterCarriageReturn = false; // the \n of a \r\n: the line already ended
        } else if (c == '\n' || c == '\r') {
          line++;
          column = 1;
          afterCarriageReturn = c == '\r';
        } else {
          column++;
          afterCarriageReturn = false;
        }
      }
    }
  }
}
