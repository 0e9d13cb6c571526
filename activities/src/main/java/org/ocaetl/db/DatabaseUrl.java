package org.ocaetl.db;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Turns a database URL from configuration into a pgjdbc {@link PGSimpleDataSource}. Accepts the
 * libpq form {@code postgresql://user:password@host:port/db?param=value} (also {@code postgres://},
 * several comma-separated hosts, {@code [ipv6]} hosts, percent-encoding) and the JDBC form
 * {@code jdbc:postgresql://...}. The password never appears in a message: errors and {@link
 * #redact(String)} mask it, and the returned data source's {@code toString()} and {@code getURL()}
 * leave it out.
 */
public final class DatabaseUrl {
  private static final int DEFAULT_PORT = 5432;

  /**
   * libpq parameter names that pgjdbc spells differently. Other parameters are passed through
   * as pgjdbc property names (e.g. {@code sslmode}, {@code tcpKeepAlive}); unknown names fail.
   */
  private static final Map<String, String> LIBPQ_TO_PGJDBC =
      Map.of(
          "application_name", "ApplicationName",
          "connect_timeout", "connectTimeout",
          "keepalives", "tcpKeepAlive",
          "target_session_attrs", "targetServerType");

  private static final Map<String, String> TARGET_SESSION_ATTRS =
      Map.of(
          "any", "any",
          "read-write", "primary",
          "primary", "primary",
          "read-only", "secondary",
          "standby", "secondary",
          "prefer-standby", "preferSecondary");

  private DatabaseUrl() {}

  public static PGSimpleDataSource parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("Database URL is empty");
    }
    if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      try {
        ds.setURL(url);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Not a valid JDBC PostgreSQL URL: " + redact(url));
      }
      return ds;
    }
    String rest = stripScheme(url);
    if (rest == null) {
      throw new IllegalArgumentException(
          "Database URL must start with postgresql://, postgres:// or jdbc:postgresql:, got "
              + redact(url));
    }
    return fromLibpqUri(url, rest);
  }

  /** The URL with its password (userinfo or {@code password=} parameter) replaced by {@code ***}. */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    String out = url;
    int schemeEnd = out.indexOf("://");
    if (schemeEnd >= 0) {
      int authorityStart = schemeEnd + 3;
      int authorityEnd = indexOfAny(out, authorityStart, '/', '?');
      int at = out.lastIndexOf('@', authorityEnd - 1);
      if (at >= authorityStart) {
        int colon = out.indexOf(':', authorityStart);
        if (colon >= 0 && colon < at) {
          out = out.substring(0, colon + 1) + "***" + out.substring(at);
        }
      }
    }
    return out.replaceAll("(?i)([?&;]password=)[^&;]*", "$1***");
  }

  private static PGSimpleDataSource fromLibpqUri(String url, String rest) {
    int authorityEnd = indexOfAny(rest, 0, '/', '?');
    String authority = rest.substring(0, authorityEnd);
    String afterAuthority = rest.substring(authorityEnd);

    PGSimpleDataSource ds = new PGSimpleDataSource();
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      int colon = userInfo.indexOf(':');
      ds.setUser(decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo, url));
      if (colon >= 0) {
        ds.setPassword(decode(userInfo.substring(colon + 1), url));
      }
      authority = authority.substring(at + 1);
    }
    setHosts(ds, authority, url);

    String query = "";
    int q = afterAuthority.indexOf('?');
    String path = q >= 0 ? afterAuthority.substring(0, q) : afterAuthority;
    if (q >= 0) {
      query = afterAuthority.substring(q + 1);
    }
    if (path.length() > 1) {
      ds.setDatabaseName(decode(path.substring(1), url));
    }
    for (String pair : query.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("Malformed parameter in database URL " + redact(url));
        }
        setParameter(ds, decode(pair.substring(0, eq), url), decode(pair.substring(eq + 1), url), url);
      }
    }
    return ds;
  }

  private static void setHosts(PGSimpleDataSource ds, String hostList, String url) {
    if (hostList.isEmpty()) {
      return; // pgjdbc defaults to localhost:5432 (it has no Unix-socket default like libpq)
    }
    List<String> hosts = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    for (String hostPort : hostList.split(",")) {
      String host = hostPort;
      String port = null;
      if (hostPort.startsWith("[")) {
        int close = hostPort.indexOf(']');
        if (close < 0) {
          throw new IllegalArgumentException("Unclosed [ in database URL host " + redact(url));
        }
        host = hostPort.substring(1, close);
        if (hostPort.length() > close + 1) {
          if (hostPort.charAt(close + 1) != ':') {
            throw new IllegalArgumentException("Malformed host in database URL " + redact(url));
          }
          port = hostPort.substring(close + 2);
        }
      } else if (hostPort.contains(":")) {
        host = hostPort.substring(0, hostPort.lastIndexOf(':'));
        port = hostPort.substring(hostPort.lastIndexOf(':') + 1);
      }
      hosts.add(host.isEmpty() ? "localhost" : decode(host, url));
      ports.add(port == null || port.isEmpty() ? DEFAULT_PORT : parsePort(port, url));
    }
    ds.setServerNames(hosts.toArray(String[]::new));
    ds.setPortNumbers(ports.stream().mapToInt(Integer::intValue).toArray());
  }

  private static void setParameter(PGSimpleDataSource ds, String name, String value, String url) {
    switch (name) {
      case "user" -> ds.setUser(value);
      case "password" -> ds.setPassword(value);
      case "dbname" -> ds.setDatabaseName(value);
      case "host" -> setHosts(ds, value, url);
      case "port" -> ds.setPortNumbers(new int[] {parsePort(value, url)});
      default -> {
        String property = LIBPQ_TO_PGJDBC.getOrDefault(name, name);
        String converted = convert(name, value, url);
        try {
          ds.setProperty(property, converted);
        } catch (SQLException e) {
          throw new IllegalArgumentException(
              "Unsupported parameter '" + name + "' in database URL " + redact(url));
        }
      }
    }
  }

  private static String convert(String libpqName, String value, String url) {
    return switch (libpqName) {
      case "keepalives" -> Boolean.toString(!"0".equals(value));
      case "target_session_attrs" -> {
        String mapped = TARGET_SESSION_ATTRS.get(value.toLowerCase(Locale.ROOT));
        if (mapped == null) {
          throw new IllegalArgumentException(
              "Unsupported target_session_attrs '" + value + "' in database URL " + redact(url));
        }
        yield mapped;
      }
      default -> value;
    };
  }

  private static String stripScheme(String url) {
    for (String scheme : List.of("postgresql://", "postgres://")) {
      if (url.regionMatches(true, 0, scheme, 0, scheme.length())) {
        return url.substring(scheme.length());
      }
    }
    return null;
  }

  private static int parsePort(String port, String url) {
    try {
      int p = Integer.parseInt(port);
      if (p > 0 && p < 65536) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("Invalid port in database URL " + redact(url));
  }

  private static int indexOfAny(String s, int from, char a, char b) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == a || s.charAt(i) == b) {
        return i;
      }
    }
    return s.length();
  }

  /** RFC 3986 percent-decoding as libpq does it ({@code +} stays a plus sign). */
  private static String decode(String s, String url) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) == '%') {
        int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("Bad percent-encoding in database URL " + redact(url));
        }
        bytes.write(hi * 16 + lo);
        i += 3;
      } else {
        int next = s.indexOf('%', i);
        int end = next < 0 ? s.length() : next;
        bytes.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
