package dev.fxmatrix.fetch;

import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Request;

/**
 * Whether a request's TLS handshake was under way when it failed: a read that times out then is a
 * server that does not speak TLS (an https URL for a plain-HTTP server waits for the whole timeout),
 * which no retry will change. The engine tags each request with one; OkHttp's events mark it.
 */
final class TlsWatch {
  volatile boolean inHandshake;

  static final EventListener LISTENER =
      new EventListener() {
        @Override
        public void secureConnectStart(Call call) {
          TlsWatch watch = call.request().tag(TlsWatch.class);
          if (watch != null) {
            watch.inHandshake = true;
          }
        }

        @Override
        public void secureConnectEnd(Call call, Handshake handshake) {
          TlsWatch watch = call.request().tag(TlsWatch.class);
          if (watch != null) {
            watch.inHandshake = false;
          }
        }
      };

  /** {@code request} with a watch of its own. */
  static Request watched(Request request) {
    return request.newBuilder().tag(TlsWatch.class, new TlsWatch()).build();
  }

  static boolean wasInHandshake(Request request) {
    TlsWatch watch = request == null ? null : request.tag(TlsWatch.class);
    return watch != null && watch.inHandshake;
  }
}
