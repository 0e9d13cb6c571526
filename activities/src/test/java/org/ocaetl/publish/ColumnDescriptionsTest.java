package org.ocaetl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ocaetl.model.Column;

/**
 * The column descriptions describe exactly the published relations and their columns, in publish
 * order, so adding a relation or a column without its meaning (or leaving a stale one) fails here.
 */
class ColumnDescriptionsTest {

  @Test
  void describeEveryPublishedRelationAndColumnAndNothingElse() {
    List<String> published = new ArrayList<>();
    for (PublishedRelation r : PublishedRelation.ALL) {
      published.add(r.name());
      for (Column c : r.columns()) {
        published.add(r.name() + "." + c.name());
      }
    }
    assertEquals(published, List.copyOf(ColumnDescriptions.all().keySet()));
    ColumnDescriptions.all().forEach((key, text) ->
        assertTrue(text.endsWith(".") && !text.contains("\t"), key + ": one sentence ending in a period"));
  }

  @Test
  void tablesDocPointsAtTheDescriptions() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "tables.md"));
    assertTrue(doc.contains("activities/src/main/resources/" + ColumnDescriptions.RESOURCE), "docs/tables.md");
  }
}
