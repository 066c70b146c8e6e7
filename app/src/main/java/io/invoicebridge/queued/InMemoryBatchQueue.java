package io.invoicebridge.queued;

import io.micronaut.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The local queue of one instance, used when no {@code REDIS_URL} is configured. */
public final class InMemoryBatchQueue implements LeasedQueue {

  private static final int DEAD_LETTERS_KEPT = 1000;

  private final Clock clock;
  private final QueueMemberCodec members;
  private final Map<String, Instant> due = new LinkedHashMap<>();
  private final Deque<String> deadLetters = new ArrayDeque<>();

  public InMemoryBatchQueue(Clock clock, JsonMapper json) {
    this.clock = clock;
    this.members = new QueueMemberCodec(json);
  }

  @Override
  public synchronized void send(List<QueuedBatchMessage> messages) {
    Instant now = clock.instant();
    messages.forEach(message -> due.put(members.member(message), now));
  }

  @Override
  public synchronized void sendLater(QueuedBatchMessage message, Duration delay) {
    due.put(members.member(message), clock.instant().plus(delay));
  }

  @Override
  public synchronized void deadLetter(QueuedBatchMessage message, String reason) {
    keepDeadLetter(members.member(message) + " " + reason);
  }

  @Override
  public synchronized Optional<Leased> take(Duration lease) {
    Instant now = clock.instant();
    Optional<String> next =
        due.entrySet().stream()
            .filter(entry -> !entry.getValue().isAfter(now))
            .min(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey);
    next.ifPresent(member -> due.put(member, now.plus(lease)));
    return next.map(members::leased);
  }

  @Override
  public synchronized void ack(Leased taken) {
    due.remove(taken.receipt());
  }

  @Override
  public synchronized void handBack(Leased taken, QueuedBatchMessage next, Duration delay) {
    due.remove(taken.receipt());
    due.put(members.member(next), clock.instant().plus(delay));
  }

  @Override
  public synchronized void deadLetter(Leased taken, String reason) {
    due.remove(taken.receipt());
    keepDeadLetter(taken.receipt() + " " + reason);
  }

  private void keepDeadLetter(String entry) {
    deadLetters.addFirst(entry);
    if (deadLetters.size() > DEAD_LETTERS_KEPT) {
      deadLetters.removeLast();
    }
  }
}
