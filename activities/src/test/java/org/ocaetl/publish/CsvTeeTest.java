package org.ocaetl.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvTeeTest {
  @Test
  void publishesTheLeadingFieldsOfEveryRecordAndCopiesEverything() throws IOException {
    String csv = "id,roles,json_of_column_2\n"
        + "a,\"{x,\"\"y\"\"}\",\"[\"\"x\"\",\"\"y\\\"\"\"\"]\"\n"
        + "\"b,\n\",,\n";

    Split split = tee(csv, 2, 3, csv.length());

    assertEquals("id,roles\na,\"{x,\"\"y\"\"}\"\n\"b,\n\",\n", split.published());
    assertEquals(csv, split.copy());
  }

  @Test
  void withNothingToDropEveryBytePassesThrough() throws IOException {
    String csv = "a,\"x,\n\"\"y\"\n";
    Split split = tee(csv, 2, 2, 1);
    assertEquals(csv, split.published());
    assertEquals(csv, split.copy());
  }

  /**
   * Random records in PostgreSQL's CSV quoting, written through the tee in random pieces: the
   * published stream is exactly the records' leading fields, whatever the piece boundaries cut.
   */
  @Test
  void randomRecordsInRandomPiecesSplitExactly() throws IOException {
    SplittableRandom random = new SplittableRandom(13);
    for (int round = 0; round < 500; round++) {
      int published = 1 + random.nextInt(4);
      int fields = published + random.nextInt(3);
      StringBuilder all = new StringBuilder();
      StringBuilder leading = new StringBuilder();
      int records = random.nextInt(6);
      for (int r = 0; r < records; r++) {
        List<String> record = new ArrayList<>();
        for (int f = 0; f < fields; f++) {
          record.add(field(random));
        }
        all.append(String.join(",", record)).append('\n');
        leading.append(String.join(",", record.subList(0, published))).append('\n');
      }
      Split split = tee(all.toString(), published, fields, 1 + random.nextInt(7));
      assertEquals(leading.toString(), split.published(), all.toString());
      assertArrayEquals(all.toString().getBytes(StandardCharsets.UTF_8), split.copy().getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void refusesToPublishNoFieldOrMoreThanTheRecordHas() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThrows(IllegalArgumentException.class, () -> new CsvTee(out, out, 0, 2));
    assertThrows(IllegalArgumentException.class, () -> new CsvTee(out, out, 3, 2));
  }

  /** A field as PostgreSQL writes it: NULL empty, quoted when it holds a separator, quote or line end, or is ''. */
  private static String field(SplittableRandom random) {
    if (random.nextInt(5) == 0) {
      return "";
    }
    String alphabet = "ab,\"\n\r {}😀";
    StringBuilder value = new StringBuilder();
    for (int i = random.nextInt(5); i > 0; i--) {
      value.appendCodePoint(alphabet.codePoints().toArray()[random.nextInt((int) alphabet.codePoints().count())]);
    }
    String text = value.toString();
    boolean quote = text.isEmpty() || text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
    return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  private static Split tee(String csv, int published, int fields, int piece) throws IOException {
    ByteArrayOutputStream publishedOut = new ByteArrayOutputStream();
    ByteArrayOutputStream copyOut = new ByteArrayOutputStream();
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    try (CsvTee tee = new CsvTee(publishedOut, copyOut, published, fields)) {
      for (int off = 0; off < bytes.length; off += piece) {
        if (piece == 1) {
          tee.write(bytes[off]);
        } else {
          tee.write(bytes, off, Math.min(piece, bytes.length - off));
        }
      }
    }
    return new Split(publishedOut.toString(StandardCharsets.UTF_8), copyOut.toString(StandardCharsets.UTF_8));
  }

  private record Split(String published, String copy) {}
}
