package org.ocaetl.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalTime;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLStreamException;

/**
 * Writes realistic synthetic OCA landlord-tenant extracts (the real data is private): a zip named
 * like OCA's files holding one member, {@code LandlordTenantExtract.xml}, written as a stream.
 * Deterministic: equal {@link GeneratorSettings} give byte-identical zips.
 *
 * <pre>{@code
 * GenerationResult result = new ExtractGenerator(GeneratorSettings.defaults().withCases(1000)).write(dir);
 * }</pre>
 */
public final class ExtractGenerator {
  /** The zip member holding the XML. */
  public static final String MEMBER = PreviousExtractSample.MEMBER;

  /**
   * The member's timestamp is the run date at this time, never the clock, for reproducible bytes.
   */
  private static final LocalTime ENTRY_TIME = LocalTime.of(6, 0);

  /**
   * Deflate is most of the cost of writing the zip: level 6 ran at ~95 MB/s of XML, level 1 at ~240
   * MB/s for a zip about twice as large (still ~9x smaller than the XML). Readers inflate both
   * equally fast, so generating big benchmark files wins.
   */
  private static final int COMPRESSION_LEVEL = Deflater.BEST_SPEED;

  private static final int FILE_BUFFER = 1 << 16;

  private final GeneratorSettings settings;

  public ExtractGenerator(GeneratorSettings settings) {
    this.settings = settings;
  }

  /** Writes the extract into {@code outDir} and returns the zip's path. */
  public Path generate(Path outDir) throws IOException {
    return write(outDir).zip();
  }

  /**
   * Writes the extract into {@code outDir} (replacing a file of the same name) and returns what was
   * written. The zip appears under its final name only when complete.
   */
  public GenerationResult write(Path outDir) throws IOException {
    Files.createDirectories(outDir);
    CaseIds ids = new CaseIds(settings.seed(), settings.runDate(), settings.initialFiledYear());
    SplittableRandom root = new SplittableRandom(ids.fileSeed());
    SplittableRandom sampling = root.split();
    SplittableRandom plan = root.split();
    SplittableRandom content = root.split();
    PreviousExtractSample previous =
        settings.updateFrom() == null
            ? PreviousExtractSample.empty()
            : PreviousExtractSample.read(
                settings.updateFrom(), settings.updates() + settings.deletes(), sampling);
    CaseGenerator generator =
        new CaseGenerator(Vocabulary.bundled(), settings.runDate(), settings.initialFiledYear());

    Path target = outDir.resolve(settings.fileName());
    Path partial = outDir.resolve(settings.fileName() + ".part");
    ExtractWriting.Counts counts;
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), FILE_BUFFER);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.setLevel(COMPRESSION_LEVEL);
      ZipEntry entry = new ZipEntry(MEMBER);
      entry.setTimeLocal(settings.runDate().atTime(ENTRY_TIME));
      zip.putNextEntry(entry);
      counts =
          new ExtractWriting(settings, generator, ids, previous.cases(), plan, content)
              .writeTo(zip);
      zip.closeEntry();
    } catch (XMLStreamException e) {
      Files.deleteIfExists(partial);
      throw new IOException("cannot write " + settings.fileName() + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new GenerationResult(
        target,
        counts.cases(),
        counts.updates(),
        counts.deletes(),
        counts.previousDeletes(),
        previous.casesRead(),
        counts.edgeCases(),
        Files.size(target));
  }
}
