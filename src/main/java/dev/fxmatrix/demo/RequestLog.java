package dev.fxmatrix.demo;

import java.nio.charset.StandardCharsets;

/**
 * Request targets as the log shows them: printable ASCII as is, every other byte as {@code \xNN}
 * (so a raw UTF-8 "é" reads {@code \xc3\xa9} and no byte can break the line), at most
 * {@value #MAX_CHARS} characters, then how many bytes the target had.
 */
final class RequestLog {
  static final int MAX_CHARS = 200;

  private RequestLog() {}

  static String escaped(byte[] target) {
    StringBuilder text = new StringBuilder(Math.min(target.length, MAX_CHARS) + 24);
    for (int i = 0; i < target.length; i++) {
      if (text.length() >= MAX_CHARS) {
        return text.append("...(").append(target.length).append(" bytes)").toString();
      }
      int b = target[i] & 0xff;
      if (b > 0x20 && b < 0x7f && b != '\\') {
        text.append((char) b);
      } else {
        text.append(String.format("\\x%02x", b));
      }
    }
    return text.toString();
  }

  static String target(String path, String rawQuery) {
    return escaped((rawQuery == null ? path : path + "?" + rawQuery).getBytes(StandardCharsets.UTF_8));
  }
}
