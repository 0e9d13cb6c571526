package org.ocaetl.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.notify.NotificationSettings;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.testing.TestExtracts;
import org.ocaetl.testing.WebhookServer;
import org.ocaetl.worker.testing.EndToEnd;
import org.ocaetl.worker.testing.Extracts;
import org.ocaetl.workflows.model.RunResult;

/**
 * The run notification from a real run (real activities, PostgreSQL, the in-process Temporal
 * server) to a local incoming webhook: what reaches the chat, what never does (a street address,
 * the webhook's token), and that a webhook that is down leaves the run's result as it was.
 */
class RunNotificationEndToEndTest {
  static final String STREET = "1234 GRAND CONCOURSE";
  static final String GOOD = "LandlordTenant.Incr.2024-03-08.zip";
  static final String BAD = "LandlordTenant.Incr.2024-03-15.zip";

  @RegisterExtension static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();
  @RegisterExtension final WebhookServer webhook = new WebhookServer();

  @TempDir Path root;

  /**
   * A level-2 case with a street address and a section the parser does not map, a case that fails
   * to convert, and a broken file.
   */
  RunResult run(String name, NotificationSettings settings) throws Exception {
    Path folder = root.resolve(name);
    try (EndToEnd e2e = new EndToEnd(postgres.database(), folder, settings)) {
      TestExtracts.zip(e2e.inbox, GOOD, TestExtracts.extract("2024-03-08",
          TestExtracts.index("A",
              "<Court>Bronx Housing Court</Court><FiledDate>2024-01-05</FiledDate><Status>Active</Status>"
                  + "<PropertyAddresses><PropertyAddress><Street1>" + STREET + "</Street1><City>Bronx</City>"
                  + "<State>NY</State><PostalCode>10451</PostalCode></PropertyAddress></PropertyAddresses>"
                  + "<RentalAssistance><Amount>1200</Amount></RentalAssistance>"),
          Extracts.unconvertible("B")));
      TestExtracts.zip(e2e.inbox, BAD, "<LandlordTenantExtract><Index><IndexNumberId>C</Index>");
      return e2e.run("oca-run/notified-" + name);
    }
  }

  @Test
  void aRunWithAFailedFileAndAFailedCaseIsReportedWithoutAddressOrToken() throws Exception {
    RunResult result = run("up", NotificationSettings.of("failures", webhook.url().toString()));

    assertEquals(1, result.filesFailed());
    assertEquals(1, result.casesFailed());
    assertEquals(1, webhook.bodies().size(), webhook.bodies().toString());
    String body = webhook.bodies().get(0);
    assertTrue(body.contains("OCA run PARTIAL: 1 file(s) failed, 1 case(s) failed"), body);
    assertTrue(body.contains("failed file " + BAD + ": BadExtractFile: " + BAD), body);
    assertTrue(body.contains("case B, FiledDate: "), body);
    assertTrue(body.contains("Data date: 2024-03-08"), body);
    assertTrue(body.contains("Workflow: oca-run/notified-up (run "), body);
    assertTrue(body.contains("unmapped Index/RentalAssistance/Amount (1)"), body);
    assertEquals(2, result.files().stream().filter(f -> f.fileName().equals(GOOD)).findFirst().orElseThrow().drift().unmapped().size());
    assertFalse(body.contains("GRAND CONCOURSE"), body);
    assertFalse(body.contains("2024-02-30") || body.contains("1200"), "no value of a failed case or unmapped element: " + body);
    assertFalse(body.contains("s3cr3t"), body);
  }

  @Test
  void aWebhookThatIsDownChangesNothingInTheRunsResult() throws Exception {
    RunResult withoutNotification = run("off", NotificationSettings.NONE);
    webhook.stop();
    RunResult webhookDown = run("down", NotificationSettings.of("always", webhook.url().toString()));

    assertEquals(withoutNotification, webhookDown);
    assertEquals(List.of(), webhook.bodies());
  }
}
