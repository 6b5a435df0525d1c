package dev.fxmatrix.fetch;

import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * How a run fetches, whoever runs it (the command line, the benchmark, a worker process): the one
 * record {@link Engine#open} builds the client, the throttle and the retry policy from.
 *
 * @param date the day to ask for, null for the latest
 * @param timeout bound of each request: connect, every read, and the whole call
 * @param retries retries of a failed request
 * @param requestLog {@code --verbose}'s line per request, null for none
 */
public record FetchOptions(
    HttpUrl apiUrl,
    String userAgent,
    LocalDate date,
    Duration timeout,
    int retries,
    Throttle.Options throttle,
    Consumer<String> requestLog) {
  public FetchOptions withApiUrl(HttpUrl url) {
    return new FetchOptions(url, userAgent, date, timeout, retries, throttle, requestLog);
  }

  public FetchOptions withRequestLog(Consumer<String> log) {
    return new FetchOptions(apiUrl, userAgent, date, timeout, retries, throttle, log);
  }
}
