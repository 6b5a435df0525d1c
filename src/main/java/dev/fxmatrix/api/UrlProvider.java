package dev.fxmatrix.api;

import okhttp3.HttpUrl;
import okhttp3.Request;

/** A provider whose requests all start with one URL: its name, that URL, and who asks. */
abstract class UrlProvider implements Provider {
  private final String name;
  final HttpUrl url;
  private final String userAgent;

  UrlProvider(String name, HttpUrl url, String userAgent) {
    this.name = name;
    this.url = url;
    this.userAgent = userAgent;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String url() {
    return url.toString();
  }

  /** A GET of {@code request} (under {@link #url}) for a body of type {@code accept}. */
  final Request get(HttpUrl request, String accept) {
    return Answers.get(request, userAgent, accept);
  }
}
