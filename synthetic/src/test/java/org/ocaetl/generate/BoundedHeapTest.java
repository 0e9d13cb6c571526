package org.ocaetl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator streams: a JVM whose heap is several times smaller than the XML it writes still
 * writes it. (Buffering the document, or the zip, would fail with OutOfMemoryError.)
 */
@Tag("slow")
class BoundedHeapTest {
  private static final String HEAP = "-Xmx32m";
  private static final int CASES = 40_000;

  @TempDir Path dir;

  /** Run in the child JVM: {@code <out dir> <cases>}. */
  public static void main(String[] args) throws IOException {
    GeneratorSettings settings =
        GeneratorSettings.defaults().withCases(Integer.parseInt(args[1])).withEdgeCases(true);
    System.out.println(new ExtractGenerator(settings).write(Path.of(args[0])).cases());
  }

  @Test
  void writesAnExtractManyTimesLargerThanItsHeap() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path log = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(
                java,
                HEAP,
                "-cp",
                System.getProperty("java.class.path"),
                BoundedHeapTest.class.getName(),
                dir.toString(),
                Integer.toString(CASES))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(child.waitFor(10, TimeUnit.MINUTES), "child finished");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, child.exitValue(), output);
    assertEquals(List.of(Integer.toString(CASES)), output.lines().toList());

    Path zip = dir.resolve(GeneratorSettings.defaults().fileName());
    try (ZipFile file = new ZipFile(zip.toFile())) {
      long xmlBytes = file.getEntry(ExtractGenerator.MEMBER).getSize();
      assertTrue(
          xmlBytes > 4L * 32 * 1024 * 1024,
          "the XML (" + xmlBytes + " bytes) is far larger than the heap");
    }
  }
}
