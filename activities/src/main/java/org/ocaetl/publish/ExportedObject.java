package org.ocaetl.publish;

/**
 * What one export of a publish wrote.
 *
 * @param rows data rows written (a CSV's rows without its header)
 * @param file the object's size and SHA-256, from the bytes the worker wrote; null when the worker
 *     never saw them (RDS wrote the object, {@link S3QueryExporter}): read it back if it is needed
 */
public record ExportedObject(long rows, PublishedFile file) {}
