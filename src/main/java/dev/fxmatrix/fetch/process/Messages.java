package dev.fxmatrix.fetch.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.fxmatrix.api.RateTable;
import dev.fxmatrix.fetch.Job;
import dev.fxmatrix.fetch.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The line protocol between the parent and its worker processes: one JSON object a line, its
 * {@code "type"} saying which message it is. The parent sends jobs and grants tokens; a worker asks
 * for a token before every request (retries included), reports how the server took it, and sends
 * one outcome per job.
 */
final class Messages {
  // Pure ASCII on the wire, so neither side's default charset can garble a server's error text.
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private Messages() {}

  /** Parent to worker. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = ToWorker.Assign.class, name = "job"),
    @JsonSubTypes.Type(value = ToWorker.Grant.class, name = "token"),
  })
  sealed interface ToWorker {
    /** Fetch this job next. */
    record Assign(int row, String base, List<String> symbols) implements ToWorker {
      static Assign of(Job job) {
        return new Assign(job.row(), job.base(), job.symbols());
      }

      Job job() {
        return new Job(row, base, symbols);
      }
    }

    /**
     * Send one request now. {@code grantedAt} is the parent's clock reading; the worker hands it
     * back untouched with {@link FromWorker.Succeeded} or {@link FromWorker.RateLimited}.
     */
    record Grant(long grantedAt) implements ToWorker {}
  }

  /** Worker to parent. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = FromWorker.NeedToken.class, name = "need-token"),
    @JsonSubTypes.Type(value = FromWorker.Succeeded.class, name = "succeeded"),
    @JsonSubTypes.Type(value = FromWorker.RateLimited.class, name = "rate-limited"),
    @JsonSubTypes.Type(value = FromWorker.RequestStarted.class, name = "request-started"),
    @JsonSubTypes.Type(value = FromWorker.RequestFinished.class, name = "request-finished"),
    @JsonSubTypes.Type(value = FromWorker.Result.class, name = "outcome"),
  })
  sealed interface FromWorker {
    /** The worker waits for a {@link ToWorker.Grant} before its next request. */
    record NeedToken() implements FromWorker {}

    /** The request sent under the grant of {@code grantedAt} was accepted. */
    record Succeeded(long grantedAt) implements FromWorker {}

    /** The request sent under the grant of {@code grantedAt} got a 429: pause everybody. */
    record RateLimited(long grantedAt, long retryAfterNanos) implements FromWorker {}

    /** Only with {@code --report-requests}: the parent's {@code FetchListener} hears of each attempt. */
    record RequestStarted(int row, int attempt) implements FromWorker {}

    record RequestFinished(int row, int attempt) implements FromWorker {}

    /**
     * The one outcome of job {@code row}: {@code rates} (exact decimal strings, so no digit is lost
     * on the way) and {@code date}, or {@code error} and perhaps its {@code cause}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(int row, Map<String, String> rates, String date, String error, String cause, int attempts)
        implements FromWorker {
      static Result of(Outcome outcome) {
        int row = outcome.job().row();
        return switch (outcome) {
          case Outcome.Fetched fetched -> {
            Map<String, String> rates = new TreeMap<>();
            fetched.rates().rates().forEach((symbol, rate) -> rates.put(symbol, rate.toString()));
            LocalDate date = fetched.rates().date();
            yield new Result(row, rates, date == null ? null : date.toString(), null, null, fetched.attempts());
          }
          case Outcome.Failed failed ->
              new Result(
                  row,
                  null,
                  null,
                  failed.reason(),
                  failed.cause() == null ? null : failed.cause().toString(),
                  failed.attempts());
        };
      }

      /** The outcome for {@code job}, the job the parent handed out as row {@code row}. */
      Outcome toOutcome(Job job, long pid) {
        if (error != null) {
          return new Outcome.Failed(job, error, attempts, cause == null ? null : new WorkerFailure(pid, cause));
        }
        Map<String, BigDecimal> exact = new TreeMap<>();
        rates.forEach((symbol, rate) -> exact.put(symbol, new BigDecimal(rate)));
        return new Outcome.Fetched(
            job, new RateTable(job.base(), date == null ? null : LocalDate.parse(date), exact), attempts);
      }
    }
  }

  /** The cause of a failure in a worker process, as the worker described it; no stack of ours. */
  static final class WorkerFailure extends Exception {
    WorkerFailure(long pid, String cause) {
      super("in worker process " + pid + ": " + cause, null, false, false);
    }
  }

  /** One line, without its newline. */
  static String encode(Object message) {
    try {
      return JSON.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + message, e);
    }
  }

  static ToWorker toWorker(String line) throws JsonProcessingException {
    return JSON.readValue(line, ToWorker.class);
  }

  static FromWorker fromWorker(String line) throws JsonProcessingException {
    return JSON.readValue(line, FromWorker.class);
  }
}
