package org.ocaetl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder store: public files can be served as they are, private ones stay the owner's. */
class LocalObjectStoreTest {
  @TempDir Path root;

  @Test
  void publicFilesAreWorldReadableAndPrivateOnesOwnerOnly() throws Exception {
    LocalObjectStore store = new LocalObjectStore(root);
    store.put("public/oca_index.csv", new ByteArrayInputStream("a\n".getBytes(StandardCharsets.UTF_8)), "text/csv");
    store.write("public/last-updated-date.txt", "text/plain", out -> out.write('x'));
    store.put("private/raw/x.zip", new ByteArrayInputStream(new byte[] {1}), "application/zip");
    store.write("private/exports/oca_addresses_private.csv", "text/csv", out -> out.write('y'));

    assertEquals("rw-r--r--", mode("public/oca_index.csv"));
    assertEquals("rw-r--r--", mode("public/last-updated-date.txt"));
    assertEquals("rw-------", mode("private/raw/x.zip"));
    assertEquals("rw-------", mode("private/exports/oca_addresses_private.csv"));
  }

  private String mode(String key) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(key)));
  }
}
