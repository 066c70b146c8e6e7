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

  private String prefix() {
    return "ib:{" + namespace + "}:";
  }
}
