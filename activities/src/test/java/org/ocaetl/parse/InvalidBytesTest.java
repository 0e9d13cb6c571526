package org.ocaetl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvalidBytesTest {
  private static Optional<InvalidBytes.Found> locate(String before, byte[] bad, String after)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(bad);
    bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return InvalidBytes.locate(new ByteArrayInputStream(bytes.toByteArray()), StandardCharsets.UTF_8);
  }

  @Test
  void linesEndAtLineFeedCarriageReturnOrBothAsInXml() throws IOException {
    assertEquals(
        Optional.of(new InvalidBytes.Found(4, 3, "0xFF")),
        locate("a\nb\r\nc\rdé", new byte[] {(byte) 0xFF}, "tail"));
  }

  @Test
  void aByteOrderMarkTakesNoColumn() throws IOException {
    assertEquals(
        Optional.of(new InvalidBytes.Found(1, 2, "0x80")),
        locate("\uFEFFx", new byte[] {(byte) 0x80}, ""));
  }

  @Test
  void aSequenceCutByTheEndOfTheStreamIsInvalid() throws IOException {
    assertEquals(
        Optional.of(new InvalidBytes.Found(2, 5, "0xE2 0x82")),
        locate("€\n€€€€", new byte[] {(byte) 0xE2, (byte) 0x82}, ""));
  }

  @Test
  void validTextAcrossManyBuffersHasNothingToFind() throws IOException {
    String text = "ünïcödé €\n".repeat(50_000);
    assertEquals(Optional.empty(), locate(text, new byte[0], ""));
    assertEquals(Optional.of(new InvalidBytes.Found(50_001, 1, "0xC0")), locate(text, new byte[] {(byte) 0xC0, 0x41}, ""));
  }
}
