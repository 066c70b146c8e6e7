package io.invoicebridge.testing;

import static io.invoicebridge.testing.FakeHttp.error;
import static io.invoicebridge.testing.FakeHttp.respond;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake freee on 127.0.0.1 (random port) that behaves like freee as its API documentation
 * describes it: rotating single-use refresh tokens, 401 {@code expired_access_token}, freee's
 * minute, hour and day limits answered with 429 and freee's rate-limit headers, the 403 "excessive
 * access" block, freee's error bodies, validation of invoice bodies, list paging, and switchable
 * faults. Thread-safe: many app instances may use one fake at once.
 */
public final class FakeFreee implements AutoCloseable {

  public static final long COMPANY_ID = 1_234_567L;
  public static final String CLIENT_ID = "fake-client-id";
  public static final String CLIENT_SECRET = "fake-client-secret";
  public static final String TOKEN_PATH = "/public_api/token";

  /** How the token endpoint misbehaves while a token fault is switched on. */
  public enum TokenFault {
    /** 503 without touching the refresh token. */
    UNAVAILABLE,
    /** The connection closes without an answer and the refresh token stays unused. */
    DROP_BEFORE_ROTATING,
    /** The refresh token is spent and rotated, then the connection closes without an answer. */
    DROP_AFTER_ROTATING
  }

  /**
   * A call refused with 429: when it arrived, and the reset its headers announced for the window
   * that refused it (the first instant a call is admitted again).
   */
  public record Refusal(Instant at, Instant announcedReset) {}

  private final Clock clock = Clock.systemUTC();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final FakeTokens tokens = new FakeTokens(CLIENT_ID, CLIENT_SECRET);
  private final FakeRateLimit rateLimit = new FakeRateLimit(30, Duration.ofMinutes(1));
  private final FakeInvoices invoices = new FakeInvoices();
  private final FakeFaults faults = new FakeFaults();
  private final FakeInvoiceApi api = new FakeInvoiceApi(invoices, faults, COMPANY_ID);
  private final List<Instant> apiCallTimes = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong requestIds = new AtomicLong();
  private final AtomicInteger createRequests = new AtomicInteger();
  private final AtomicInteger blockAfterCalls = new AtomicInteger(-1);
  private volatile Duration blockLength = Duration.ZERO;
  private final HttpServer server;

  private FakeFreee() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    partner(101, "CUST-001", "株式会社エーシーエムイー")
        .partner(102, "CUST-002", "ベータ商事")
        .partner(103, "CUST-003", "ガンマ工業");
    server.start();
  }

  /**
   * Starts a fake with freee's defaults: 30 calls a minute, 6-hour access tokens, partners 101-103.
   */
  public static FakeFreee start() {
    try {
      return new FakeFreee();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String apiBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String tokenUrl() {
    return apiBaseUrl() + TOKEN_PATH;
  }

  // ---- setup ----

  /** A fresh refresh token, as an operator gets by authorizing the app. */
  public String issueRefreshToken() {
    return tokens.issueRefreshToken();
  }

  public FakeFreee accessTokenLifetime(Duration lifetime) {
    tokens.accessTokenLifetime(lifetime);
    return this;
  }

  /** Every access token issued so far is rejected from now on with {@code expired_access_token}. */
  public void expireAccessTokens() {
    tokens.expireAccessTokens();
  }

  public FakeFreee rateLimit(int calls, Duration window) {
    rateLimit.configure(calls, window);
    return this;
  }

  /** freee's hour window: {@code calls} per {@code length} (freee's: 1,500 per hour). */
  public FakeFreee hourLimit(int calls, Duration length) {
    rateLimit.configureHour(calls, length);
    return this;
  }

  /** freee's day window: {@code calls} per {@code length} (freee's: 3,000-10,000 per day). */
  public FakeFreee dayLimit(int calls, Duration length) {
    rateLimit.configureDay(calls, length);
    return this;
  }

  /**
   * Moves the hour's and the day's boundaries by {@code phase}, as the bridge's {@code
   * Quota.PHASE_PROPERTY} does, so a test can begin at any time of freee's day.
   */
  public FakeFreee windowPhase(Duration phase) {
    rateLimit.phase(phase);
    return this;
  }

  /** Another app of the same company spends what is left of the hour now. */
  public void spendHour() {
    rateLimit.spendHour(clock.instant());
  }

  /**
   * freee's "excessive access" block starts now: every API call is answered 403 for {@code length}
   * (freee's lasts about ten minutes and names no end).
   */
  public void blockExcessiveAccess(Duration length) {
    rateLimit.block(clock.instant().plus(length));
  }

  /**
   * freee's "excessive access" block starts when the API call after the next {@code calls} arrives
   * (that call is the first answered 403), for {@code length}.
   */
  public void blockExcessiveAccessAfter(int calls, Duration length) {
    blockLength = length;
    blockAfterCalls.set(apiCallTimes.size() + calls);
  }

  /** When each call answered 403 by the block arrived. */
  public List<Instant> blockedCalls() {
    return rateLimit.blockedCalls();
  }

  /**
   * Counts {@code calls} against the limit now, as another app of the same freee company would
   * (freee's limit is per company, not per client); they are not API calls of this fake's log.
   */
  public void spendRateLimit(int calls) {
    rateLimit.spend(clock.instant(), calls);
  }

  public FakeFreee partner(long id, String code, String name) {
    invoices.addPartner(id, code, name);
    return this;
  }

  /** Stores invoices directly (no API call counted), e.g. to make a lookup page. */
  public void seedInvoices(int count, LocalDate billingDate, long partnerId) {
    FakeInvoices.Partner partner =
        invoices.partnersMatching(null).stream()
            .filter(p -> p.id() == partnerId)
            .findFirst()
            .orElseThrow();
    for (int i = 0; i < count; i++) {
      invoices.store(billingDate, partner, "seeded " + i, clock.instant());
    }
  }

  // ---- faults ----

  public FakeFreee latency(Duration perCall) {
    faults.latency = perCall;
    return this;
  }

  /** The next {@code count} valid creates answer 503 and create nothing. */
  public void failNextCreates(int count) {
    faults.unavailableBeforeCreate.set(count);
  }

  /**
   * The next {@code count} valid creates store the invoice, then close the connection unanswered.
   */
  public void dropAfterNextCreates(int count) {
    faults.dropAfterCreate.set(count);
  }

  /**
   * The next {@code count} valid creates store the invoice, then wait {@code delay} before
   * answering.
   */
  public void slowAfterNextCreates(int count, Duration delay) {
    faults.slowAnswer = delay;
    faults.slowAfterCreate.set(count);
  }

  public void failTokenEndpoint(TokenFault fault, int times) {
    faults.tokenFault = fault;
    faults.tokenFaults.set(times);
  }

  /**
   * Runs {@code action} once, when the next refresh has rotated the tokens and before freee's
   * answer is sent: e.g. cuts the app's way to its store exactly between the rotation and the app's
   * write of the new refresh token.
   */
  public void afterNextRotation(Runnable action) {
    faults.afterNextRotation.set(action);
  }

  // ---- what happened ----

  /** How many stored invoices carry {@code text} in their memo: 1 proves no duplicate. */
  public long invoicesWithMemoContaining(String text) {
    return invoices.matching(i -> i.memo() != null && i.memo().contains(text)).size();
  }

  /** When each invoice carrying {@code text} in its memo was stored, earliest first. */
  public List<Instant> creationTimes(String text) {
    return invoices.matching(i -> i.memo() != null && i.memo().contains(text)).stream()
        .map(FakeInvoices.Invoice::storedAt)
        .sorted()
        .toList();
  }

  public int invoiceCount() {
    return invoices.matching(i -> true).size();
  }

  /** Authorized, unthrottled {@code POST /iv/invoices} requests. */
  public int createRequestCount() {
    return createRequests.get();
  }

  /** Successful refreshes (each rotates the refresh token). */
  /** Values that must never appear in a log: every token issued and the client secret. */
  public Set<String> secrets() {
    Set<String> secrets = new HashSet<>(tokens.everyTokenIssued());
    secrets.add(CLIENT_SECRET);
    return secrets;
  }

  public int refreshCount() {
    return tokens.refreshCount();
  }

  public int invalidGrantCount() {
    return tokens.invalidGrantCount();
  }

  /** Whether {@code refreshToken} was issued and has not been spent by a refresh yet. */
  public boolean refreshTokenUnspent(String refreshToken) {
    return tokens.refreshTokenUnspent(refreshToken);
  }

  public int rateLimitedCount() {
    return rateLimit.refusedCount();
  }

  /** Every call answered 429, in order, with the reset it announced. */
  public List<Refusal> rateLimitRefusals() {
    return rateLimit.refusals();
  }

  /** When each API call (not token call) arrived, in order, whatever its answer. */
  public List<Instant> apiCallTimes() {
    synchronized (apiCallTimes) {
      return List.copyOf(apiCallTimes);
    }
  }

  /** The most API calls (refused ones too) that arrived inside any one {@code window}. */
  public int maxCallsInAnyWindow(Duration window) {
    List<Instant> calls = apiCallTimes().stream().sorted().toList();
    int max = 0;
    for (int first = 0, last = 0; last < calls.size(); last++) {
      while (!calls.get(first).plus(window).isAfter(calls.get(last))) {
        first++;
      }
      max = Math.max(max, last - first + 1);
    }
    return max;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- dispatch ----

  private void handle(HttpExchange exchange) {
    try (exchange) {
      exchange
          .getResponseHeaders()
          .set("X-Freee-Request-ID", "fake-" + requestIds.incrementAndGet());
      String path = exchange.getRequestURI().getPath();
      if (path.equals(TOKEN_PATH) && exchange.getRequestMethod().equals("POST")) {
        token(exchange);
      } else {
        api(exchange, path);
      }
    } catch (IOException | InterruptedException e) {
      // the client went away (a test's timeout) or the fake is closing: nothing left to answer
    }
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form = FakeHttp.params(FakeHttp.body(exchange));
    if (FakeFaults.take(faults.tokenFaults)) {
      switch (faults.tokenFault) {
        case UNAVAILABLE -> respond(exchange, 503, Map.of("error", "temporarily_unavailable"));
        case DROP_BEFORE_ROTATING -> FakeHttp.drop(exchange);
        case DROP_AFTER_ROTATING -> {
          tokens.refresh(form, clock.instant());
          FakeHttp.drop(exchange);
        }
      }
      return;
    }
    FakeTokens.Answer answer = tokens.refresh(form, clock.instant());
    Runnable afterRotation = faults.afterNextRotation.get();
    if (answer.status() == 200
        && afterRotation != null
        && faults.afterNextRotation.compareAndSet(afterRotation, null)) {
      afterRotation.run();
    }
    respond(exchange, answer.status(), answer.body());
  }

  private void api(HttpExchange exchange, String path) throws IOException, InterruptedException {
    Instant now = clock.instant();
    int arrived;
    synchronized (apiCallTimes) {
      apiCallTimes.add(now);
      arrived = apiCallTimes.size();
    }
    if (arrived > blockAfterCalls.get() && blockAfterCalls.getAndSet(-1) >= 0) {
      rateLimit.block(now.plus(blockLength));
    }
    String body = FakeHttp.body(exchange);
    Thread.sleep(faults.latency);
    if (rateLimit.blocked(now)) {
      respond(exchange, 403, error(403, "status", List.of("アクセスが集中しています。しばらくしてから再度お試しください。")));
      return;
    }
    if (!rateLimit.admit(now, exchange.getResponseHeaders())) {
      respond(exchange, 429, error(429, "status", List.of("リクエスト数が上限に達しました。")));
      return;
    }
    if (!authorized(exchange)) {
      respond(exchange, 401, Map.of("message", "アクセスする権限がありません", "code", "expired_access_token"));
      return;
    }
    try {
      route(exchange, path, body);
    } catch (NumberFormatException | DateTimeParseException e) {
      respond(exchange, 400, error(400, "validation", List.of("パラメータが不正です。")));
    }
  }

  private void route(HttpExchange exchange, String path, String body)
      throws IOException, InterruptedException {
    Map<String, String> query = FakeHttp.params(exchange.getRequestURI().getRawQuery());
    boolean get = exchange.getRequestMethod().equals("GET");
    if (path.equals("/iv/invoices") && !get) {
      createRequests.incrementAndGet();
      api.create(exchange, body, clock.instant());
    } else if (path.equals("/iv/invoices") && get) {
      api.list(exchange, query);
    } else if (path.startsWith("/iv/invoices/") && get) {
      api.get(exchange, Long.parseLong(path.substring("/iv/invoices/".length())));
    } else if (path.equals("/api/1/partners") && get) {
      api.partners(exchange, query);
    } else {
      respond(exchange, 404, error(404, "status", List.of("Not Found")));
    }
  }

  private boolean authorized(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    return header != null
        && header.startsWith("Bearer ")
        && tokens.validAccessToken(header.substring("Bearer ".length()), clock.instant());
  }
}
