package org.ocaetl.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.ocaetl.store.ObjectStore;

/**
 * What the stored parts of one published file are (docs/storage.md#published-parts): the header,
 * the schema's migrations and the relation's definition they were exported under, and the parts in
 * file order with their sizes and rows. Parts are reused only while all of this still holds.
 *
 * @param header the CSV header line, newline included
 * @param schemaVersion the schema's Flyway migrations (schema_version.sql)
 * @param definition the relation's columns, view definition and reference releases (relation_definition.sql)
 * @param parts the parts with rows, sorted by name (the file's row order)
 */
record PartManifest(String header, String schemaVersion, String definition, List<Part> parts) {
  static final String NAME = "manifest.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One stored part. */
  record Part(String name, long bytes, long rows) {}

  PartManifest {
    parts = List.copyOf(parts);
  }

  static Optional<PartManifest> read(ObjectStore store, String prefix) throws IOException {
    if (store.size(prefix + NAME).isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = store.get(prefix + NAME)) {
      return Optional.of(JSON.readValue(in, PartManifest.class));
    }
  }

  void write(ObjectStore store, String prefix) throws IOException {
    byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    store.write(prefix + NAME, "application/json", out -> out.write(json));
  }

  /** Whether the parts were exported under these migrations and this definition of the relation. */
  boolean matches(String schemaVersion, String definition) {
    return this.schemaVersion.equals(schemaVersion) && this.definition.equals(definition);
  }

  long rows() {
    return parts.stream().mapToLong(Part::rows).sum();
  }
}
