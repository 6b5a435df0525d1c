package dev.fxmatrix.api;

/** The API answered, but not with something we can use; the message is fit for a user. */
public final class ApiException extends Exception {
  public ApiException(String message) {
    super(message);
  }
}
