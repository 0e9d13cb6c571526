package org.ocaetl.geocode;

import java.sql.SQLException;

/**
 * The geocode cache or the address table could not be read or written. The message keeps
 * PostgreSQL's SQLState and primary message but not its detail, which can quote a row (an
 * address); the activity fails and Temporal retries it.
 */
public final class GeocodeCacheException extends RuntimeException {
  public GeocodeCacheException(String what, SQLException e) {
    super(what + " failed: SQLState " + e.getSQLState() + ": " + primaryMessage(e), null, false, true);
  }

  private static String primaryMessage(SQLException e) {
    if (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
      return p.getServerErrorMessage().getMessage();
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    int detail = message.indexOf("\n");
    return detail >= 0 ? message.substring(0, detail) : message;
  }
}
