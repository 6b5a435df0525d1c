package dev.fxmatrix.demo;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP/1.1 server: one virtual thread per connection, keep-alive, bounded request lines and
 * headers. It exists because the JDK's {@code com.sun.net.httpserver} decides some answers before
 * any handler runs: a target that {@link java.net.URI} refuses ({@code ?base=%zz}) gets an HTML 400,
 * and a request line or header block beyond {@code sun.net.httpserver.maxReqHeaderSize} (a
 * JVM-wide setting, read once) gets the connection closed without an answer. Here every request,
 * well-formed or not, reaches the {@link Handler}, which answers it.
 *
 * <p>Limits: a request line of {@value #MAX_REQUEST_LINE} bytes (beyond: 414), headers of
 * {@value #MAX_HEADER_BYTES} bytes or {@value #MAX_HEADERS} fields (beyond: 431), a body of
 * {@value #MAX_BODY} bytes (beyond: 413). After refusing a request it cannot read to its end, the
 * server reads and discards what the client still sends for a moment before closing, so the client
 * gets the answer rather than a reset.
 */
final class Http1Server implements AutoCloseable {
  static final int MAX_REQUEST_LINE = 8 * 1024;
  static final int MAX_HEADER_BYTES = 32 * 1024;
  static final int MAX_HEADERS = 100;
  static final int MAX_BODY = 1024 * 1024;
  private static final int IDLE_TIMEOUT_MILLIS = 30_000;
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(3);
  private static final long DRAIN_BYTES = 16L * 1024 * 1024;
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  /** What arrived: a request to answer, or bytes that are not one (answered with {@code status}). */
  sealed interface Incoming {
    /** The request target as received, for the log. */
    byte[] rawTarget();

    String method();

    record Request(ApiRequest request, byte[] rawTarget) implements Incoming {
      @Override
      public String method() {
        return request.method();
      }
    }

    record Malformed(int status, String problem, String method, byte[] rawTarget) implements Incoming {}
  }

  /** Answers what arrives; told when the answer is out (status 0: none was sent). */
  interface Handler {
    ApiResponse respond(Incoming incoming) throws InterruptedException;

    void sent(Incoming incoming, int status, long startNanos);
  }

  private final ServerSocket listener;
  private final Handler handler;
  private final ExecutorService threads;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

  private Http1Server(ServerSocket listener, Handler handler, String threadName) {
    this.listener = listener;
    this.handler = handler;
    this.threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(threadName, 0).factory());
    threads.execute(this::acceptLoop);
  }

  static Http1Server start(InetSocketAddress address, Handler handler, String threadName) throws IOException {
    ServerSocket listener = new ServerSocket();
    try {
      listener.setReuseAddress(true);
      listener.bind(address, 1024);
    } catch (IOException e) {
      listener.close();
      throw e;
    }
    return new Http1Server(listener, handler, threadName);
  }

  /** The address actually bound (the port chosen when 0 was asked for). */
  InetSocketAddress address() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  /** Stops listening, closes every connection and interrupts handlers still at work. */
  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    connections.forEach(Http1Server::closeQuietly);
    threads.shutdownNow();
    try {
      threads.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        connections.add(socket);
        threads.execute(() -> serve(socket));
      } catch (IOException | RejectedExecutionException e) {
        // closed, or shutting down
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
      boolean open = true;
      while (open && !Thread.currentThread().isInterrupted()) {
        RequestReader reader = new RequestReader(in);
        Incoming incoming;
        try {
          incoming = reader.read();
        } catch (SocketTimeoutException | EndOfStream e) {
          return; // idle, or the client closed between requests
        }
        long startNanos = System.nanoTime();
        int status = 0;
        try {
          ApiResponse response = handler.respond(incoming);
          open = reader.reusable() && !(incoming instanceof Incoming.Malformed);
          write(out, response, incoming.method().equals("HEAD"), !open);
          status = response.status();
        } catch (InterruptedException e) {
          return; // closing: drop the request unanswered
        } finally {
          handler.sent(incoming, status, startNanos);
        }
        if (!open && !reader.readToEnd()) {
          drain(socket, in);
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      connections.remove(socket);
    }
  }

  private static void write(OutputStream out, ApiResponse response, boolean head, boolean close) throws IOException {
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    int status = response.status();
    boolean bodiless = status == 204 || status == 304 || status < 200;
    StringBuilder text = new StringBuilder(256);
    text.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    text.append("Date: ").append(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
    response.headers().forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
    if (!bodiless) {
      text.append("Content-Length: ").append(body.length).append("\r\n");
    }
    if (close) {
      text.append("Connection: close\r\n");
    }
    text.append("\r\n");
    out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!head && !bodiless) {
      out.write(body);
    }
    out.flush();
  }

  /** Reads what the client still sends, for a moment, so that closing does not reset our answer away. */
  private static void drain(Socket socket, InputStream in) {
    try {
      socket.shutdownOutput();
      socket.setSoTimeout(500);
      long deadline = System.nanoTime() + DRAIN_NANOS;
      long drained = 0;
      byte[] sink = new byte[16 * 1024];
      for (int n; drained < DRAIN_BYTES && System.nanoTime() < deadline && (n = in.read(sink)) >= 0; ) {
        drained += n;
      }
    } catch (IOException e) {
      // done either way
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 204 -> "No Content";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 412 -> "Precondition Failed";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 503 -> "Service Unavailable";
      default -> "Status " + status;
    };
  }

  private static final class EndOfStream extends IOException {
    EndOfStream() {
      super(null, null);
    }
  }

  /** Reads one request from the stream: line, headers and (discarded) body. */
  private static final class RequestReader {
    private final InputStream in;
    private boolean keepAlive;
    private boolean readToEnd = true;

    RequestReader(InputStream in) {
      this.in = in;
    }

    /** Whether the connection can carry another request after this one. */
    boolean reusable() {
      return keepAlive && readToEnd;
    }

    /** Whether all of this request was read, so nothing is left unread on the connection. */
    boolean readToEnd() {
      return readToEnd;
    }

    Incoming read() throws IOException {
      byte[] line;
      do {
        line = readLine(MAX_REQUEST_LINE, true);
      } while (line != TOO_LONG && line.length == 0); // blank lines before a request are allowed
      if (line == TOO_LONG) {
        readToEnd = false;
        String start = new String(partial, StandardCharsets.ISO_8859_1); // the line's first bytes, for the log
        int space = start.indexOf(' ');
        String method = space > 0 && start.substring(0, space).matches("[A-Z]{1,20}") ? start.substring(0, space) : "?";
        byte[] target = space > 0 ? slice(partial, space + 1, partial.length) : partial;
        return new Incoming.Malformed(414, "request line too long; at most " + MAX_REQUEST_LINE + " bytes", method, target);
      }
      String text = new String(line, StandardCharsets.ISO_8859_1);
      int space1 = text.indexOf(' ');
      int space2 = space1 < 0 ? -1 : text.indexOf(' ', space1 + 1);
      String method = space1 < 0 ? text : text.substring(0, space1);
      byte[] rawTarget = space1 < 0 ? new byte[0] : slice(line, space1 + 1, space2 < 0 ? line.length : space2);
      String version = space2 < 0 ? "" : text.substring(space2 + 1);
      if (space2 < 0 || !version.matches("HTTP/1\\.[01]") || !method.matches("[A-Z]{1,20}")) {
        readToEnd = false;
        return new Incoming.Malformed(400, "not an HTTP/1.1 request line", method.length() > 20 ? "?" : method, rawTarget);
      }
      Map<String, String> headers = new HashMap<>();
      int headerBytes = 0;
      int count = 0;
      while (true) {
        byte[] header = readLine(MAX_HEADER_BYTES - headerBytes, false);
        if (header == TOO_LONG || ++count > MAX_HEADERS + 1) {
          readToEnd = false;
          return new Incoming.Malformed(
              431, "request headers too large; at most " + MAX_HEADERS + " fields of " + MAX_HEADER_BYTES + " bytes", method, rawTarget);
        }
        headerBytes += header.length + 2;
        if (header.length == 0) {
          break;
        }
        String field = new String(header, StandardCharsets.ISO_8859_1);
        int colon = field.indexOf(':');
        if (colon <= 0 || field.charAt(0) == ' ' || field.charAt(0) == '\t' || field.substring(0, colon).contains(" ")) {
          readToEnd = false;
          return new Incoming.Malformed(400, "malformed header line", method, rawTarget);
        }
        headers.putIfAbsent(field.substring(0, colon).toLowerCase(Locale.ROOT), field.substring(colon + 1).strip());
      }
      String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
      keepAlive = version.equals("HTTP/1.1") ? !connection.contains("close") : connection.contains("keep-alive");
      if (!skipBody(headers)) {
        readToEnd = false;
        return new Incoming.Malformed(413, "request body too large; at most " + MAX_BODY + " bytes", method, rawTarget);
      }
      return RequestTarget.parse(method, rawTarget, headers);
    }

    /** Reads and drops the body; false when it is larger than allowed (or chunked: not read). */
    private boolean skipBody(Map<String, String> headers) throws IOException {
      if (headers.containsKey("transfer-encoding")) {
        readToEnd = false; // answered, then the connection is closed rather than parse chunks
        return true;
      }
      String length = headers.get("content-length");
      if (length == null) {
        return true;
      }
      long bytes;
      try {
        bytes = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        readToEnd = false;
        return true; // answered as it is; the connection is not reused
      }
      if (bytes > MAX_BODY || bytes < 0) {
        return false;
      }
      in.skipNBytes(bytes);
      return true;
    }

    private static final byte[] TOO_LONG = new byte[0];
    private byte[] partial = new byte[0];

    /**
     * One line without its CRLF (or bare LF); {@link #TOO_LONG} past {@code limit} bytes, having
     * kept the first bytes for the log. End of stream before any byte of a request: EndOfStream.
     */
    private byte[] readLine(int limit, boolean first) throws IOException {
      byte[] buffer = new byte[Math.min(Math.max(limit, 0), 1024) + 1];
      int length = 0;
      while (true) {
        int b = in.read();
        if (b < 0) {
          if (first && length == 0) {
            throw new EndOfStream();
          }
          throw new IOException("connection closed mid-request");
        }
        if (b == '\n') {
          int end = length > 0 && buffer[length - 1] == '\r' ? length - 1 : length;
          return slice(buffer, 0, end);
        }
        if (length > limit) { // one byte more than the limit may be the CR
          if (first) {
            partial = slice(buffer, 0, Math.min(length, 160));
          }
          return TOO_LONG;
        }
        if (length == buffer.length) {
          buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, limit + 1));
        }
        buffer[length++] = (byte) b;
      }
    }
  }

  static byte[] slice(byte[] bytes, int from, int to) {
    return Arrays.copyOfRange(bytes, from, to);
  }
}
