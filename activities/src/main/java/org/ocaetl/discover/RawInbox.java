package org.ocaetl.discover;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Where raw extract files arrive: a local folder now; OCA's SFTP server or an S3 prefix later,
 * behind the same interface.
 */
public interface RawInbox {

  /** Base names of the files present (any names; discovery filters them). */
  List<String> names() throws IOException;

  /** Opens one file for streaming; the caller closes it. */
  InputStream open(String name) throws IOException;

  /** Names the inbox for logs (never carries credentials). */
  String describe();
}
