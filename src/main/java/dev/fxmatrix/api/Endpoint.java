package dev.fxmatrix.api;

import java.util.List;

/**
 * A provider of a run and where to reach it: {@code urls} empty for its default, else what {@code
 * --api-url NAME=URL} gave (several for a provider with a fallback host).
 */
public record Endpoint(String provider, List<String> urls) {
  public Endpoint {
    urls = List.copyOf(urls);
  }

  public static Endpoint of(String provider) {
    return new Endpoint(provider, List.of());
  }

  /** The URLs its requests start with: the given ones, else the provider's defaults. */
  public List<String> effectiveUrls() {
    return urls.isEmpty() ? Providers.defaultUrls(provider) : urls;
  }
}
