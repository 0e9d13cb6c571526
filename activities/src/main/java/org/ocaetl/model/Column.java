package org.ocaetl.model;

/** One column of a target table, in table order. */
public record Column(String name, ColumnType type) {}
