package org.ocaetl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.model.Column;
import org.ocaetl.model.ColumnType;

/** A relation whose primary key is missing or names no column of it fails in one line naming it. */
class PublishedRelationTest {
  private static final List<Column> COLUMNS =
      List.of(new Column("indexnumberid", ColumnType.TEXT), new Column("court", ColumnType.TEXT));

  @Test
  void aMissingPrimaryKeyNamesTheRelation() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> relation(null));
    assertEquals(
        "Published relation oca_courts: no primary key given; a relation without one has an empty list",
        e.getMessage());
  }

  @Test
  void aPrimaryKeyOutsideTheColumnsNamesTheRelationAndTheColumn() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> relation(List.of("indexnumberid", "sequence")));
    assertEquals(
        "Published relation oca_courts: primary key column sequence is not one of its columns [indexnumberid, court]",
        e.getMessage());
  }

  @Test
  void aRelationWithoutAKeyOfItsOwnHasAnEmptyOne() {
    assertEquals(List.of(), relation(List.of()).primaryKey());
  }

  private static PublishedRelation relation(List<String> primaryKey) {
    return new PublishedRelation("oca_courts", SqlIdentifier.of("oca_courts"), COLUMNS, primaryKey, true);
  }
}
