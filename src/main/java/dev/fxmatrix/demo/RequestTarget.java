package dev.fxmatrix.demo;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The request target of a request line, checked the way Frankfurter's Unicorn parser checks it: no
 * blanks or control bytes, every "%" followed by two hex digits (anything else is a 400, before any
 * route runs). Raw non-ASCII bytes are taken as UTF-8. The path and query stay percent-encoded: the
 * routes match the raw path, as Rack's PATH_INFO is.
 */
final class RequestTarget {
  private RequestTarget() {}

  static Http1Server.Incoming parse(String method, byte[] raw, Map<String, String> headers) {
    int start = 0;
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    if (text.startsWith("http://") || text.startsWith("https://")) { // absolute form, as a proxy is sent
      int slash = text.indexOf('/', text.indexOf("//") + 2);
      start = slash < 0 ? raw.length : slash;
    } else if (!text.startsWith("/") && !(text.equals("*") && method.equals("OPTIONS"))) {
      return malformed(method, raw, "the request target must start with /");
    }
    for (int i = start; i < raw.length; i++) {
      int b = raw[i] & 0xff;
      if (b <= 0x20 || b == 0x7f) {
        return malformed(method, raw, "the request target holds a blank or control byte");
      }
      if (b == '%' && (i + 2 >= raw.length || hex(raw[i + 1]) < 0 || hex(raw[i + 2]) < 0)) {
        return malformed(method, raw, "malformed %-encoding in the request target; give % and two hex digits");
      }
    }
    String target = new String(raw, start, raw.length - start, StandardCharsets.UTF_8);
    int hash = target.indexOf('#');
    if (hash >= 0) {
      target = target.substring(0, hash);
    }
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? null : target.substring(question + 1);
    return new Http1Server.Incoming.Request(new ApiRequest(method, path.isEmpty() ? "/" : path, query, headers), raw);
  }

  private static Http1Server.Incoming malformed(String method, byte[] raw, String problem) {
    return new Http1Server.Incoming.Malformed(400, problem, method, raw);
  }

  private static int hex(byte b) {
    return b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10 : b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
  }
}
