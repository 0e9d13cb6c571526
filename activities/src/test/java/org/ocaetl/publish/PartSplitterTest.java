package org.ocaetl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.store.LocalObjectStore;

/** COPY output with a leading part field split into part objects, whatever the chunks it arrives in. */
class PartSplitterTest {
  static final String COPY =
      "oca_publish_part,indexnumberid,highlight\n"
          + "2019,A,\"line 1\nline 2, \"\"quoted\"\"\"\n"
          + "2019,B,\n"
          + "2021,C,\"x\"\"\n2021,not a record\"\n"
          + "undated,D,d\n";

  @TempDir Path dir;

  @Test
  void dropsThePartFieldAndSplitsRecordsNotLines() throws IOException {
    for (int chunk : new int[] {1, 2, 7, COPY.length()}) {
      LocalObjectStore store = new LocalObjectStore(dir.resolve("c" + chunk));
      PartSplitter split = split(store, chunk, COPY);

      assertEquals("indexnumberid,highlight\n", split.headerText());
      assertEquals(Map.of("2019", 2L, "2021", 1L, "undated", 1L),
          Map.of("2019", split.written().get("2019").rows(), "2021", split.written().get("2021").rows(),
              "undated", split.written().get("undated").rows()));
      assertEquals("A,\"line 1\nline 2, \"\"quoted\"\"\"\nB,\n", read(store, "p/2019.csv"), "chunk " + chunk);
      assertEquals("C,\"x\"\"\n2021,not a record\"\n", read(store, "p/2021.csv"));
      assertEquals("D,d\n", read(store, "p/undated.csv"));
      assertEquals(read(store, "p/2019.csv").length(), split.written().get("2019").bytes());
    }
  }

  @Test
  void refusesPartsThatAreNotContiguous() throws IOException {
    LocalObjectStore store = new LocalObjectStore(dir);
    assertThrows(IOException.class, () -> split(store, 100, "p,a\n2019,A\n2020,B\n2019,C\n"));
  }

  private static PartSplitter split(LocalObjectStore store, int chunk, String copy) throws IOException {
    byte[] bytes = copy.getBytes(StandardCharsets.UTF_8);
    PartSplitter split = new PartSplitter(store, part -> "p/" + part + ".csv");
    try (split) {
      for (int i = 0; i < bytes.length; i += chunk) {
        split.write(bytes, i, Math.min(chunk, bytes.length - i));
      }
      split.finish();
    }
    return split;
  }

  private static String read(LocalObjectStore store, String key) throws IOException {
    try (InputStream in = store.get(key)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
