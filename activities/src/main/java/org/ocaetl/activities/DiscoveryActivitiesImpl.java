package org.ocaetl.activities;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import org.ocaetl.discover.RawFileDiscovery;
import org.ocaetl.discover.UntrustedHostKeyException;
import org.ocaetl.workflows.FailureTypes;
import org.ocaetl.workflows.DiscoveryActivities;
import org.ocaetl.workflows.model.DiscoveryRequest;
import org.ocaetl.workflows.model.DiscoveryResult;

/** Discovery over the configured inbox and archive; the rules are in {@link RawFileDiscovery}. */
public final class DiscoveryActivitiesImpl implements DiscoveryActivities {
  private final RawFileDiscovery discovery;
  private final PromotedChecksums ledger;

  /** The ledger as discovery needs it: SHA-256 by file name of every promoted file. */
  @FunctionalInterface
  public interface PromotedChecksums {
    Map<String, String> byFileName() throws SQLException;
  }

  public DiscoveryActivitiesImpl(RawFileDiscovery discovery, PromotedChecksums ledger) {
    this.discovery = discovery;
    this.ledger = ledger;
  }

  @Override
  public DiscoveryResult discover(DiscoveryRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    if (request.reprocessGlob() != null) {
      try {
        RawFileDiscovery.glob(request.reprocessGlob());
      } catch (IllegalArgumentException e) {
        throw Failures.nonRetryable(FailureTypes.INVALID_REQUEST, e.getMessage(), null);
      }
    }
    try {
      return discovery.discover(ledger.byFileName(), request.reprocessGlob(), context::heartbeat);
    } catch (UntrustedHostKeyException e) {
      throw Failures.nonRetryable(FailureTypes.UNTRUSTED_HOST_KEY, e.getMessage(), e);
    } catch (IOException | SQLException e) {
      throw Activity.wrap(e);
    }
  }
}
