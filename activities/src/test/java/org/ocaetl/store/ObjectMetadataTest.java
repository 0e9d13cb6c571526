package org.ocaetl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ObjectMetadataTest {
  @Test
  void contentTypeFollowsTheExtension() {
    assertEquals("text/csv; charset=utf-8", ObjectMetadata.forKey("public/oca_index.csv", "application/zip").contentType());
    assertEquals("application/zip", ObjectMetadata.forKey("private/raw/LandlordTenant.Incr.2024-03-08.ZIP", null).contentType());
    assertEquals("application/json", ObjectMetadata.forKey("private/staging/x.zip/report.json", null).contentType());
    assertEquals("image/svg+xml", ObjectMetadata.forKey("public/last-updated-shield.svg", null).contentType());
    assertEquals("text/plain; charset=utf-8", ObjectMetadata.forKey("public/last-updated-date.txt", null).contentType());
  }

  @Test
  void unknownExtensionsUseTheWritersTypeOrOctetStream() {
    assertEquals("application/octet-stream", ObjectMetadata.forKey("private/a.parquet", null).contentType());
    assertEquals("application/octet-stream", ObjectMetadata.forKey("private/noextension", " ").contentType());
    assertEquals("application/x-ndjson", ObjectMetadata.forKey("private/a.ndjson", "application/x-ndjson").contentType());
  }

  @Test
  void onlyTheDateFileBadgeAndStatusPageAreServedUncached() {
    assertEquals("no-cache", ObjectMetadata.forKey("public/last-updated-date.txt", null).cacheControl());
    assertEquals("no-cache", ObjectMetadata.forKey("public/last-updated-shield.svg", null).cacheControl());
    assertEquals("no-cache", ObjectMetadata.forKey("public/index.html", null).cacheControl());
    assertNull(ObjectMetadata.forKey("public/oca_index.csv", null).cacheControl());
    assertNull(ObjectMetadata.forKey("private/last-updated-date.txt", null).cacheControl());
  }

  @Test
  void keysCannotLeaveTheirStore() {
    for (String bad : new String[] {"", "/abs", "a/../b", "a//b", "a/./b", "a\\b", "dir/"}) {
      assertThrows(IllegalArgumentException.class, () -> StoreKeys.requireKey(bad), bad);
    }
    assertEquals("public/a.csv", StoreKeys.requireKey("public/a.csv"));
  }
}
