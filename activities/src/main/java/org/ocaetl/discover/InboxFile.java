package org.ocaetl.discover;

/**
 * A file as the inbox lists it, without reading it.
 *
 * @param name its base name
 * @param size its size in bytes
 * @param tag what changes when its bytes are replaced: the modification time on SFTP and in a
 *     folder, the ETag in an object store
 */
public record InboxFile(String name, long size, String tag) {

  /** What the listing says of the bytes, as {@link RawArchive} records it beside the checksum. */
  public String listing() {
    return "size=" + size + " tag=" + tag;
  }
}
