package org.ocaetl.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ocaetl.worker.schedule.ScheduleSettings;
import org.ocaetl.worker.testing.OcaEnvironment;
import org.ocaetl.workflows.model.BackfillRequest;
import org.ocaetl.workflows.model.BackfillState;
import org.ocaetl.workflows.model.FileRequest;

/**
 * README.md against the code (every option has an effect, is documented and is tested): its one configuration table lists every
 * option that reads an environment variable, with the code's default, and nothing the code does
 * not read; the JSON inputs it tells operators to send decode into the workflows' types.
 */
public class ConfigurationDocsTest {
  static final Path DOC = OcaEnvironment.REPO.resolve("README.md");
  private static final Pattern ROW = Pattern.compile("^\\| (`--[a-z0-9-]+`|—) \\| `(OCA_[A-Z0-9_]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

  record Row(String flag, String env, String defaultCell) {}

  static Map<String, Row> table() throws Exception {
    Map<String, Row> rows = new LinkedHashMap<>();
    Matcher m = ROW.matcher(Files.readString(DOC));
    while (m.find()) {
      Row row = new Row(m.group(1).replace("`", ""), m.group(2), m.group(3).strip());
      assertEquals(null, rows.put(row.env(), row), "one row per variable: " + row.env());
    }
    return rows;
  }

  @Test
  void everyOptionWithAnEnvironmentVariableHasItsRowAndDefault() throws Exception {
    assertDocumented(OcaEnvironment.options().values());
  }

  /** Each setting has its README row with its flag and default (devtools checks its commands' too). */
  public static void assertDocumented(Collection<OcaEnvironment.Setting> settings) throws Exception {
    Map<String, Row> table = table();
    assertTrue(settings.size() >= 20, "found the options: " + settings);
    for (OcaEnvironment.Setting setting : settings) {
      Row row = table.get(setting.env());
      assertTrue(row != null, "README.md has no row for " + setting);
      assertEquals(setting.flag(), row.flag(), setting.env());
      assertEquals(documented(setting.defaultValue()), row.defaultCell().replaceFirst(" \\(.*", ""), setting.env());
    }
  }

  @Test
  void theLogSwitchesAreDocumentedWithTheirDefaults() throws Exception {
    Map<String, Row> table = table();
    for (var variable : OcaEnvironment.logbackVariables().entrySet()) {
      Row row = table.get(variable.getKey());
      assertTrue(row != null, variable.getKey());
      assertEquals("—", row.flag());
      assertEquals("`" + variable.getValue() + "`", row.defaultCell());
    }
  }

  @Test
  void theTableDocumentsNothingTheCodeDoesNotRead() throws Exception {
    var read = OcaEnvironment.names();
    for (String env : table().keySet()) {
      assertTrue(read.contains(env), env + " is documented but no option or logback.xml reads it");
    }
  }

  @Test
  void theScheduleIsDescribedAsTheCodeDefinesIt() throws Exception {
    String doc = Files.readString(DOC);
    assertTrue(doc.contains("`" + ScheduleSettings.DEFAULT_CRON + "`"));
    assertTrue(doc.contains("`" + ScheduleSettings.DEFAULT_TIME_ZONE + "`"));
    assertTrue(doc.contains("catch-up window **" + ScheduleSettings.CATCHUP_WINDOW.toDays() + " day**"));
    assertTrue(doc.contains("oca-run/scheduled-<time>") && ScheduleSettings.RUN_ID_PREFIX.equals("oca-run/scheduled"));
    assertFalse(doc.toLowerCase(java.util.Locale.ROOT).contains("sunday"), "one schedule day everywhere: Saturday");
  }

  @Test
  void theJsonInputsOfTheCliExamplesDecode() throws Exception {
    String doc = Files.readString(DOC);
    Matcher inputs = Pattern.compile("--input '(\\{[^']*})'").matcher(doc);
    List<String> found = new java.util.ArrayList<>();
    while (inputs.find()) {
      found.add(inputs.group(1));
    }
    assertEquals(4, found.size(), found.toString());
    FileRequest rerun = decode(found.get(0), FileRequest.class);
    assertEquals("LandlordTenant.Incr.2024-03-08.zip", rerun.fileName());
    assertEquals(BackfillRequest.replay("*2024-0[1-3]*", 2), decode(found.get(1), BackfillRequest.class));
    assertEquals(BackfillRequest.purgeTombstones(), decode(found.get(2), BackfillRequest.class));
    assertEquals(BackfillState.fresh(), decode(found.get(3), BackfillState.class));
  }

  /** How a code default reads in the table: `value`, or — when there is none. */
  private static String documented(String codeDefault) {
    if (codeDefault == null) {
      return "—";
    }
    return "`" + codeDefault.replace("${sys:java.io.tmpdir}", "<java.io.tmpdir>") + "`";
  }

  private static <T> T decode(String json, Class<T> type) {
    Payload payload = DefaultDataConverter.STANDARD_INSTANCE.toPayload(json).orElseThrow().toBuilder()
        .putMetadata("encoding", com.google.protobuf.ByteString.copyFromUtf8("json/plain"))
        .setData(com.google.protobuf.ByteString.copyFromUtf8(json))
        .build();
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, type, type);
  }
}
