package org.ocaetl.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.metadata.POJOActivityInterfaceMetadata;
import io.temporal.common.metadata.POJOActivityMethodMetadata;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ocaetl.workflows.model.HostAssignment;

/** Activity options as the workflows look them up. */
class OcaActivityOptionsTest {

  /** A per-method override keyed by a name no activity has would be silently ignored. */
  @Test
  void hostMethodOverridesNameActivitiesOfFileActivities() {
    Set<String> activityTypes =
        POJOActivityInterfaceMetadata.newInstance(FileActivities.class).getMethodsMetadata().stream()
            .map(POJOActivityMethodMetadata::getActivityTypeName)
            .collect(Collectors.toSet());
    HostAssignment host = new HostAssignment("oca-host/a", 1, Duration.ofMinutes(1));
    Map<String, ActivityOptions> overrides = OcaActivityOptions.onHostMethods(host);
    Map<String, ActivityOptions> heartbeating = OcaActivityOptions.onHostMethodsHeartbeating(host);

    assertTrue(activityTypes.containsAll(overrides.keySet()), overrides.keySet() + " not in " + activityTypes);
    assertTrue(activityTypes.containsAll(heartbeating.keySet()), heartbeating.keySet() + " not in " + activityTypes);
    assertEquals(Duration.ofMinutes(2), overrides.get(FileActivities.PARSE).getHeartbeatTimeout());
    assertEquals(Set.of(FileActivities.PARSE, FileActivities.EXPORT, FileActivities.GEOCODE, FileActivities.UPLOAD),
        heartbeating.keySet(), "every step on the host queue has a heartbeat timeout");
    assertEquals(overrides.get(FileActivities.PARSE), heartbeating.get(FileActivities.PARSE));
    Map<String, ActivityOptions> oneAttempt = OcaActivityOptions.onHostMethodsOneAttempt(host);
    assertEquals(heartbeating.keySet(), oneAttempt.keySet());
    oneAttempt.forEach((type, options) -> {
      assertEquals(1, options.getRetryOptions().getMaximumAttempts(), type);
      assertEquals(heartbeating.get(type).getHeartbeatTimeout(), options.getHeartbeatTimeout(), type);
    });
  }
}
