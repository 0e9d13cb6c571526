package org.ocaetl.worker.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON that commands print as their result (run results, schedules, backfill progress,
 * reference releases): one mapper for every command, dates and instants as ISO-8601 text.
 */
public final class CliJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private CliJson() {}

  /** {@code value} indented, as a command prints its result on stdout. */
  public static String pretty(Object value) throws JsonProcessingException {
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
  }

  /** {@code value} on one line, for a summary among log lines. */
  public static String line(Object value) throws JsonProcessingException {
    return MAPPER.writeValueAsString(value);
  }
}
