package org.ocaetl.discover;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Where raw extract files arrive: a local folder ({@link LocalFolderInbox}), OCA's SFTP server
 * ({@link SftpInbox}) or an S3 prefix ({@link StoreInbox}); {@link RawInboxes#open} picks one by URI.
 */
public interface RawInbox extends AutoCloseable {

  /** The files present, by base name (any names; discovery filters them), with their size and tag. */
  List<InboxFile> list() throws IOException;

  /** Opens one file for streaming; the caller closes it. */
  InputStream open(String name) throws IOException;

  /** Names the inbox for logs (never carries credentials). */
  String describe();

  /** Releases connections and threads; a folder holds none. */
  @Override
  default void close() throws IOException {}
}
