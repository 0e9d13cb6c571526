package org.ocaetl.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ocaetl.db.SqlLiteral;
import org.ocaetl.db.SqlResource;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.store.StoreKeys;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a published file from parts (docs/storage.md#published-parts): re-exports only its dirty
 * parts into {@code private/publish-parts/<file>/}, keeps the others, and has the store assemble the
 * file from its header and all parts, so the bytes are those of a full export of the snapshot. A
 * full export (every part) when the file has no usable parts: no manifest, a part missing, other
 * migrations or another definition of the relation, a republish ({@code fullExport}), or every
 * part dirty anyway.
 */
final class PartedExport {
  private static final Logger LOG = LoggerFactory.getLogger(PartedExport.class);
  private static final String CSV = "text/csv; charset=utf-8";

  private final ObjectStore store;
  private final DirtyParts dirty;
  private final String schemaVersion;
  private final boolean fullExport;

  /**
   * @param dirty the marks read in the snapshot
   * @param schemaVersion the schema's migrations, read in the snapshot (schema_version.sql)
   * @param fullExport export every part whatever the marks say (a republish)
   */
  PartedExport(ObjectStore store, DirtyParts dirty, String schemaVersion, boolean fullExport) {
    this.store = store;
    this.dirty = dirty;
    this.schemaVersion = schemaVersion;
    this.fullExport = fullExport;
  }

  /** Writes {@code file} from the snapshot of {@code snapshot}; returns its data rows. */
  long export(Connection snapshot, PublicSnapshot.Export file) throws SQLException, IOException {
    String prefix = StoreKeys.publishParts(file.key().substring(file.key().lastIndexOf('/') + 1));
    String definition = definition(snapshot, file);
    Optional<PartManifest> reusable =
        fullExport ? Optional.empty() : usable(PartManifest.read(store, prefix), prefix, definition);
    Set<String> changed = dirty.of(file.markedBy());
    if (reusable.isPresent()) {
      PartManifest stored = reusable.get();
      if (changed.isEmpty() && store.size(file.key()).isPresent()) {
        return stored.rows(); // nothing changed since the file was written
      }
      if (!changed.containsAll(names(stored))) {
        Optional<PartManifest> updated = exportChanged(snapshot, file, prefix, definition, stored, changed);
        if (updated.isPresent()) {
          return assemble(file, prefix, updated.get());
        }
      }
    }
    return assemble(file, prefix, exportAll(snapshot, file, prefix, definition));
  }

  /** The stored manifest if its parts can be reused: same migrations and definition, every part there. */
  private Optional<PartManifest> usable(Optional<PartManifest> manifest, String prefix, String definition)
      throws IOException {
    if (manifest.isEmpty() || !manifest.get().matches(schemaVersion, definition)) {
      return Optional.empty();
    }
    Set<String> stored = new HashSet<>(store.list(prefix));
    for (PartManifest.Part part : manifest.get().parts()) {
      if (!stored.contains(prefix + part.name() + ".csv")) {
        LOG.warn("Part {} of {} is missing: full export", part.name(), prefix);
        return Optional.empty();
      }
    }
    return manifest;
  }

  private PartManifest exportAll(Connection snapshot, PublicSnapshot.Export file, String prefix, String definition)
      throws SQLException, IOException {
    PartSplitter split = copy(snapshot, file, prefix, SqlResource.of("sql/publish/part_filter_all.sql"));
    Map<String, PartSplitter.Written> written = split.written();
    List<PartManifest.Part> parts = new ArrayList<>();
    written.forEach((name, w) -> parts.add(new PartManifest.Part(name, w.bytes(), w.rows())));
    LOG.info("{}: full export, {} parts", file.key(), parts.size());
    return new PartManifest(split.headerText(), schemaVersion, definition, parts);
  }

  /** The changed parts exported anew; empty if the header is not the stored one (then export all). */
  private Optional<PartManifest> exportChanged(
      Connection snapshot, PublicSnapshot.Export file, String prefix, String definition, PartManifest stored,
      Set<String> changed) throws SQLException, IOException {
    SqlResource someParts =
        SqlResource.of("sql/publish/part_filter_some.sql")
            .withLiterals("part_names", changed.stream().map(SqlLiteral::part).toList());
    PartSplitter split = copy(snapshot, file, prefix, someParts);
    Map<String, PartSplitter.Written> written = split.written();
    if (!split.headerText().equals(stored.header())) {
      LOG.warn("{}: the header changed: full export", file.key());
      return Optional.empty();
    }
    List<PartManifest.Part> parts = new ArrayList<>();
    for (PartManifest.Part part : stored.parts()) {
      if (!changed.contains(part.name())) {
        parts.add(part);
      }
    }
    written.forEach((name, w) -> parts.add(new PartManifest.Part(name, w.bytes(), w.rows())));
    parts.sort((a, b) -> a.name().compareTo(b.name())); // the file's order: COLLATE "C"
    LOG.info("{}: {} of {} parts exported", file.key(), changed.size(), parts.size());
    return Optional.of(new PartManifest(split.headerText(), schemaVersion, definition, parts));
  }

  /** Streams the rows of the selected parts, one object per part; the splitter then holds what it wrote. */
  private PartSplitter copy(Connection snapshot, PublicSnapshot.Export file, String prefix, SqlResource parts)
      throws SQLException, IOException {
    SqlResource rows =
        SqlResource.of("sql/publish/part_rows.sql")
            .with("source", file.source())
            .with("parts", parts)
            .with("order_columns", file.orderColumns());
    String sql = SqlResource.of("sql/publish/copy_relation.sql").with("query", rows).render();
    PartSplitter split = new PartSplitter(store, part -> prefix + part + ".csv");
    try (split) {
      snapshot.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, split);
      split.finish();
    }
    return split;
  }

  /** Records the parts, then writes the public file from them (a failure leaves the marks: redone next time). */
  private long assemble(PublicSnapshot.Export file, String prefix, PartManifest manifest) throws IOException {
    manifest.write(store, prefix);
    List<String> sources = manifest.parts().stream().map(p -> prefix + p.name() + ".csv").toList();
    store.compose(file.key(), CSV, manifest.header().getBytes(StandardCharsets.UTF_8), sources);
    return manifest.rows();
  }

  private static Set<String> names(PartManifest manifest) {
    Set<String> names = new HashSet<>();
    manifest.parts().forEach(p -> names.add(p.name()));
    return names;
  }

  private static String definition(Connection snapshot, PublicSnapshot.Export file) throws SQLException {
    try (PreparedStatement ps =
        snapshot.prepareStatement(SqlResource.of("sql/publish/relation_definition.sql").render())) {
      ps.setString(1, file.relation().quoted());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getString(1) == null) {
          throw new SQLException("No relation " + file.relation().name() + " to publish");
        }
        return rs.getString(1);
      }
    }
  }
}
