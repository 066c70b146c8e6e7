package io.invoicebridge.redis;

import java.util.Objects;

/**
 * The key names of one freee company, so several deployments can share one database. The namespace
 * is a hash tag ({@code {...}}): should the database ever be a cluster, every key of a company
 * lands in one slot, so a script may touch several of them.
 */
public record RedisKeys(String namespace) {

  public RedisKeys {
    Objects.requireNonNull(namespace, "namespace");
  }

  /** {@code ib:{ns}:ledger:<key>}: one hash per idempotency key. */
  public String ledger(String key) {
    return prefix() + "ledger:" + key;
  }

  /** {@code ib:{ns}:token}: the shared freee token record. */
  public String token() {
    return prefix() + "token";
  }

  /** {@code ib:{ns}:token-lock}: the refresh lock's owner token. */
  public String tokenLock() {
    return prefix() + "token-lock";
  }

  /** {@code ib:{ns}:rate}: the next free freee call slot (pauses included). */
  public String rate() {
    return prefix() + "rate";
  }

  /**
   * {@code ib:{ns}:batch:<id>}: an asynchronous batch's hash; its items, results and final indexes
   * live under this name plus {@code :items}, {@code :results}, {@code :finals}.
   */
  public String batch(String id) {
    return prefix() + "batch:" + id;
  }

  /** {@code ib:{ns}:batch-key:<key>}: the batch submitted under a caller's Idempotency-Key. */
  public String batchIdempotencyKey(String key) {
    return prefix() + "batch-key:" + key;
  }

  /** {@code ib:{ns}:batch-queue}: the local worker's queue, members scored by when they are due. */
  public String batchQueue() {
    return prefix() + "batch-queue";
  }

  /** {@code ib:{ns}:batch-dead}: messages the local worker gave up on, newest first. */
  public String batchDeadLetters() {
    return prefix() + "batch-dead";
  }

  private String prefix() {
    return "ib:{" + namespace + "}:";
  }
}
