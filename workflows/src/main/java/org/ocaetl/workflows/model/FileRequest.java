package org.ocaetl.workflows.model;

/**
 * Input of the file (child) workflow: an archived raw file to stage.
 *
 * @param fileName base name of the raw zip, archived under {@code StoreKeys.raw(fileName)}
 * @param sha256 hex SHA-256 the archived zip must have
 */
public record FileRequest(String fileName, String sha256) {}
