package dev.fxmatrix.strategy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.fxmatrix.api.Endpoint;
import dev.fxmatrix.api.RateTable;
import dev.fxmatrix.fetch.AttemptResult;
import dev.fxmatrix.fetch.FetchOptions;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Throttle;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The line protocol between the parent and a worker process, one JSON object a line. The parent
 * first sends {@link Settings}, then one {@link Request} per attempt; the worker makes that one
 * attempt and answers one {@link Result}. Retries, back-offs and the throttle stay in the parent's
 * engine: a worker only sends requests and reads answers.
 */
final class WorkerMessages {
  // Pure ASCII on the wire, so neither side's default charset can garble a server's error text.
  private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  /** The worker's first line: its engine is built and it can send at once. */
  static final String READY = "{\"ready\":true}";

  private WorkerMessages() {}

  /** How the worker's requests go out: the parent's fetch options, minus what stays in the parent. */
  record Settings(List<Endpoint> chain, String userAgent, String date, long timeoutMillis, boolean logRequests) {
    static Settings of(FetchOptions options) {
      return new Settings(
          options.chain(),
          options.userAgent(),
          options.date() == null ? null : options.date().toString(),
          options.timeout().toMillis(),
          options.requestLog() != null);
    }

    /** Options for one attempt at a time: no retries here, no throttle (the parent's grants each attempt). */
    FetchOptions options(Consumer<String> log) {
      return new FetchOptions(
          chain,
          userAgent,
          date == null ? null : LocalDate.parse(date),
          Duration.ofMillis(timeoutMillis),
          0,
          Throttle.Options.UNLIMITED,
          FetchOptions.Caching.OFF, // the parent's run holds the cache: one process at a time
          logRequests ? log : null);
    }
  }

  /** Make attempt number {@code attempt} for this job, at the {@code link}-th provider of the chain. */
  record Request(int row, String base, List<String> symbols, int link, int attempt) {
    static Request of(Job job, int link, int attempt) {
      return new Request(job.row(), job.base(), job.symbols(), link, attempt);
    }

    Job job() {
      return new Job(row, base, symbols);
    }
  }

  /**
   * What the attempt gave ({@code kind}: success, retryable or fatal). Rates travel as exact decimal
   * strings, so no digit is lost on the way; a cause as its description.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Result(
      int row,
      String kind,
      String provider,
      Map<String, String> rates,
      String date,
      String reason,
      Long retryAfterMillis,
      boolean rateLimited,
      String cause) {

    static Result of(int row, AttemptResult attempt) {
      return switch (attempt) {
        case AttemptResult.Success success -> {
          Map<String, String> rates = new TreeMap<>();
          success.rates().rates().forEach((symbol, rate) -> rates.put(symbol, rate.toString()));
          LocalDate date = success.rates().date();
          yield new Result(
              row, "success", success.rates().provider(), rates, date == null ? null : date.toString(), null, null, false, null);
        }
        case AttemptResult.Retryable retry ->
            new Result(
                row, "retryable", null, null, null, retry.reason(),
                retry.retryAfter() == null ? null : retry.retryAfter().toMillis(), retry.rateLimited(),
                describe(retry.cause()));
        case AttemptResult.Fatal fatal ->
            new Result(row, "fatal", null, null, null, fatal.reason(), null, false, describe(fatal.cause()));
        case AttemptResult.CacheUnreadable unreadable -> // workers have no cache; were one to, this is how it reads
            new Result(row, "retryable", null, null, null, "cached answer unreadable", null, false, describe(unreadable.cause()));
      };
    }

    /** The attempt as the worker {@code pid} saw it, for the parent's engine. */
    AttemptResult attempt(Job job, long pid) {
      Throwable failure = cause == null ? null : new WorkerFailure(pid, cause);
      return switch (kind) {
        case "success" -> {
          Map<String, BigDecimal> exact = new TreeMap<>();
          rates.forEach((symbol, rate) -> exact.put(symbol, new BigDecimal(rate)));
          yield new AttemptResult.Success(
              new RateTable(job.base(), date == null ? null : LocalDate.parse(date), exact, provider));
        }
        case "retryable" ->
            new AttemptResult.Retryable(
                reason, retryAfterMillis == null ? null : Duration.ofMillis(retryAfterMillis), rateLimited, failure);
        default -> new AttemptResult.Fatal(reason, failure);
      };
    }

    private static String describe(Throwable cause) {
      return cause == null ? null : cause.toString();
    }
  }

  /** The cause of a failure in a worker process, as the worker described it; no stack of ours. */
  static final class WorkerFailure extends Exception {
    WorkerFailure(long pid, String cause) {
      super("in worker process " + pid + ": " + cause, null, false, false);
    }
  }

  static String encode(Object message) {
    try {
      return JSON.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + message, e);
    }
  }

  static <T> T decode(String line, Class<T> type) throws JsonProcessingException {
    return JSON.readValue(line, type);
  }
}
