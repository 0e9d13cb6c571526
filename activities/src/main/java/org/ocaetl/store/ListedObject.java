package org.ocaetl.store;

/**
 * An object as a store's listing describes it, without reading it.
 *
 * @param key the key, relative to the store's root
 * @param size its size in bytes
 * @param tag what changes when its bytes are replaced: S3's ETag, a local file's modification time
 */
public record ListedObject(String key, long size, String tag) {}
