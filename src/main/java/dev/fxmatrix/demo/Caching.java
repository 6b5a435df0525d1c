package dev.fxmatrix.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Strong ETags and the conditional requests they answer, as Roda's {@code caching} plugin does them. */
final class Caching {
  /** Frankfurter's: answers may be kept a day, errors never. */
  static final String PUBLIC_DAY = "public, max-age=86400";

  private Caching() {}

  /** {@code "md5hex"} of the text: Frankfurter tags an answer by its date. */
  static String etag(String text) {
    try {
      byte[] md5 = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      return '"' + HexFormat.of().formatHex(md5) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  /**
   * The answer to a conditional request for a resource tagged {@code etag}, if it is one: 304 for a
   * GET or HEAD whose If-None-Match lists the tag (or is *), 412 for other methods; 412 when
   * If-Match does not list it. Tags are compared as the exact strings Roda compares, so a weak
   * {@code W/"..."} never matches.
   */
  static Optional<ApiResponse> conditional(ApiRequest request, String etag) {
    if (lists(request.header("If-None-Match"), etag, request)) {
      int status = request.isGetOrHead() ? 304 : 412;
      ApiResponse answer = ApiResponse.empty(status).with("ETag", etag);
      return Optional.of(status == 304 ? answer.with("Cache-Control", PUBLIC_DAY) : answer.with("Cache-Control", ApiResponse.NO_STORE));
    }
    String ifMatch = request.header("If-Match");
    if (ifMatch != null && !lists(ifMatch, etag, request)) {
      return Optional.of(ApiResponse.empty(412).with("ETag", etag).with("Cache-Control", ApiResponse.NO_STORE));
    }
    return Optional.empty();
  }

  private static boolean lists(String header, String etag, ApiRequest request) {
    if (header == null) {
      return false;
    }
    if (header.strip().equals("*")) {
      return !request.method().equals("POST"); // Roda: a POST may be creating the resource
    }
    for (String tag : header.split("\\s*,\\s*")) {
      if (tag.strip().equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
