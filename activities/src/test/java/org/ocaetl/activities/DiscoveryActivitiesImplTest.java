package org.ocaetl.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.discover.RawArchive;
import org.ocaetl.discover.RawFileDiscovery;
import org.ocaetl.discover.RawInbox;
import org.ocaetl.discover.RawInboxes;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.testing.SftpTestServer;
import org.ocaetl.workflows.DiscoveryActivities;
import org.ocaetl.workflows.FailureTypes;
import org.ocaetl.workflows.model.DiscoveryRequest;

/** How discovery failures reach the workflow. */
class DiscoveryActivitiesImplTest {
  /** One attempt, so that the failure itself says whether it may be retried. */
  private static final ActivityOptions ONE_ATTEMPT = ActivityOptions.newBuilder()
      .setStartToCloseTimeout(Duration.ofSeconds(60))
      .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
      .build();

  private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();

  @TempDir Path root;

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void aRefusedSftpHostKeyFailsAtOnceWithItsOwnType() throws Exception {
    Files.createDirectories(root.resolve("served/outgoing"));
    try (SftpTestServer server = SftpTestServer.start(root.resolve("served"))) {
      Path wrongKey = SftpTestServer.writeWrongKnownHosts(root.resolve("known_hosts"), server.port());
      RawInbox inbox = RawInboxes.open(server.uri(server.port(), "/outgoing"), server.passwordEnvironment(wrongKey));
      env.registerActivitiesImplementations(new DiscoveryActivitiesImpl(
          new RawFileDiscovery(inbox, new RawArchive(new LocalObjectStore(root.resolve("store")))), Map::of));

      ActivityFailure failure = assertThrows(ActivityFailure.class,
          () -> env.newActivityStub(DiscoveryActivities.class, ONE_ATTEMPT).discover(new DiscoveryRequest(null)));

      ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, failure.getCause());
      assertEquals(FailureTypes.UNTRUSTED_HOST_KEY, cause.getType());
      assertTrue(cause.isNonRetryable(), "the same key would be refused again");
      assertTrue(cause.getOriginalMessage().contains("its host key SHA256:"), cause.getOriginalMessage());
      assertTrue(cause.getOriginalMessage().contains(wrongKey.toString()), "names the known_hosts file to update");
      inbox.close();
    }
  }
}
