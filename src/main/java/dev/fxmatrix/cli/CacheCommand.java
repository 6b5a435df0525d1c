package dev.fxmatrix.cli;

import dev.fxmatrix.fetch.HttpCache;
import dev.fxmatrix.fetch.HttpClients;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.CacheControl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fxmatrix cache}: where the HTTP cache is, what it holds and of which dates; {@code --clear} empties it. */
@Command(
    name = "cache",
    description = {
      CacheCommand.SUMMARY,
      "Runs keep answers there (see --cache-dir, --offline, --stale-if-error), and ask again only when they may be out of date."
    },
    footerHeading = "%nExit codes:%n",
    footer = {"  0    shown (or cleared)", "  1    the cache could not be read (in use by another run for 5 s, or unreadable)", "  2    bad usage"})
final class CacheCommand implements Callable<Integer> {
  /** The first line of its help, which fxmatrix --help lists too. */
  static final String SUMMARY =
      "Show where the HTTP cache is, how many answers it holds, and the date of each; --clear empties it.";

  private static final Pattern DATE = Pattern.compile("(?:\"date\"\\s*:\\s*\"|time=['\"])(\\d{4}-\\d{2}-\\d{2})");

  @Spec CommandSpec spec;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "The cache's folder (env FXMATRIX_CACHE_DIR; default: $XDG_CACHE_HOME/fxmatrix, else ~/.cache/fxmatrix).")
  Path dir;

  @Option(names = "--clear", description = "Remove every answer from the cache.")
  boolean clear;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path folder = dir == null ? FetchMixin.defaultCacheDir() : dir;
    List<String> problems = new ArrayList<>();
    HttpCache cache = HttpCache.open(folder, java.time.Duration.ofSeconds(5), problems::add).orElse(null);
    if (cache == null) {
      err.println("fxmatrix cache: " + String.join("; ", problems));
      return 1;
    }
    try (cache) {
      if (clear) {
        int entries = urls(cache).size();
        cache.cache().evictAll();
        out.println("cleared " + entries + (entries == 1 ? " answer" : " answers") + " from " + HttpCache.httpDir(folder));
        return 0;
      }
      List<String> urls = urls(cache);
      out.println("cache: " + HttpCache.httpDir(folder));
      out.println("answers: " + urls.size() + " (" + cache.cache().size() / 1024 + " KiB)");
      OkHttpClient reader = HttpClients.cacheReader(cache.cache());
      try {
        for (String url : urls) {
          out.println(dateOf(reader, url) + "  " + url);
        }
      } finally {
        reader.dispatcher().executorService().shutdown();
      }
      return 0;
    } catch (IOException e) {
      err.println("fxmatrix cache: cannot read " + HttpCache.httpDir(folder) + ": " + e.getMessage());
      return 1;
    }
  }

  private static List<String> urls(HttpCache cache) throws IOException {
    List<String> urls = new ArrayList<>();
    for (Iterator<String> it = cache.cache().urls(); it.hasNext(); ) {
      urls.add(it.next());
    }
    urls.sort(null);
    return urls;
  }

  /** The as-of date in a cached answer, as every provider writes it (a JSON "date", the ECB's time='...'). */
  private static String dateOf(OkHttpClient reader, String url) {
    Request request = new Request.Builder().url(url).cacheControl(CacheControl.FORCE_CACHE).build();
    try (Response response = reader.newCall(request).execute()) {
      if (response.code() != 200) {
        return "(unreadable)";
      }
      Matcher date = DATE.matcher(response.body().string());
      return date.find() ? date.group(1) : "(no date) ";
    } catch (IOException | RuntimeException e) {
      return "(unreadable)";
    }
  }
}
