package org.ocaetl.schema;

import java.time.Duration;

/**
 * The time limits a transaction that rewrites the main tables sets with {@code SET LOCAL} before it
 * takes the {@link PromotionLock}.
 *
 * @param lockTimeout longest wait for any lock, the advisory lock included (SQLState 55P03)
 * @param statementTimeout longest single statement
 * @param idleInTransactionTimeout longest pause between statements
 */
public record SessionLimits(Duration lockTimeout, Duration statementTimeout, Duration idleInTransactionTimeout) {}
