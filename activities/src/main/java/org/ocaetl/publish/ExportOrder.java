package org.ocaetl.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ocaetl.db.SqlResource;

/**
 * Orders a publish's relations costliest first, by PostgreSQL's own estimate of each one's rows
 * query ({@code EXPLAIN}, nothing executed). The exports share two connections, each taking the
 * next relation when it is free: started last, the case summary (a view over every data table, the
 * longest export by far) kept one connection busy for 83 s after the other had finished, at full
 * size (docs/benchmarks.md#export-order). Longest first leaves only short exports for the end.
 */
final class ExportOrder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ExportOrder() {}

  /** {@code relations} sorted by estimated cost, highest first; ties keep their order. */
  static List<PublishedRelation> costliestFirst(Connection snapshot, List<PublishedRelation> relations)
      throws SQLException {
    Map<PublishedRelation, Double> cost = new HashMap<>();
    for (PublishedRelation r : relations) {
      cost.put(r, estimatedCost(snapshot, PublicSnapshot.rows(r.source(), r.columnNames())));
    }
    return relations.stream().sorted(Comparator.comparing(cost::get).reversed()).toList();
  }

  private static double estimatedCost(Connection snapshot, SqlResource rows) throws SQLException {
    String sql = SqlResource.of("sql/publish/explain_cost.sql").with("query", rows).render();
    try (Statement st = snapshot.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      JsonNode plan = JSON.readTree(rs.getString(1)).path(0).path("Plan");
      return plan.path("Total Cost").asDouble();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("PostgreSQL's EXPLAIN (FORMAT JSON) was not JSON", e);
    }
  }
}
