import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The floor of fxmatrix's 33-base job on a JVM, for src/bench/startup-bench.sh: one OkHttp client
 * for plain HTTP, one {@code enqueue} per base, each answer's rates read with jackson-core, a line
 * per base in the order given. No options, checks, retries, throttle or formatting.
 *
 *   java -cp target/fxmatrix.jar:<this, compiled> OkHttpFloor URL DATE BASE,BASE,...
 */
public final class OkHttpFloor {
  public static void main(String[] args) throws InterruptedException {
    String url = args[0];
    String date = args[1];
    List<String> bases = List.of(args[2].split(","));
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequestsPerHost(bases.size());
    OkHttpClient client =
        new OkHttpClient.Builder().dispatcher(dispatcher).connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
    JsonFactory json = new JsonFactory();
    Map<String, String> lines = new ConcurrentHashMap<>();
    CountDownLatch done = new CountDownLatch(bases.size());
    for (String base : bases) {
      String symbols = String.join(",", bases.stream().filter(b -> !b.equals(base)).toList());
      Request request = new Request.Builder().url(url + "/" + date + "?base=" + base + "&symbols=" + symbols).build();
      client.newCall(request).enqueue(new Callback() {
        @Override
        public void onFailure(Call call, IOException e) {
          lines.put(base, base + ": " + e);
          done.countDown();
        }

        @Override
        public void onResponse(Call call, Response response) throws IOException {
          StringBuilder line = new StringBuilder("1 " + base + " =");
          try (response; JsonParser parser = json.createParser(response.body().byteStream())) {
            boolean inRates = false;
            for (JsonToken token; (token = parser.nextToken()) != null; ) {
              if (token == JsonToken.FIELD_NAME && parser.currentName().equals("rates")) {
                inRates = true;
              } else if (inRates && token.isNumeric()) {
                line.append(' ').append(parser.getDoubleValue()).append(' ').append(parser.currentName());
              }
            }
          }
          lines.put(base, line.toString());
          done.countDown();
        }
      });
    }
    done.await();
    StringBuilder out = new StringBuilder();
    bases.forEach(base -> out.append(lines.get(base)).append('\n'));
    System.out.print(out);
    System.out.flush();
    System.exit(0); // OkHttp's threads would hold the JVM for a minute
  }
}
