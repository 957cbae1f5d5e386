package dev.click2call.install;

/** An installation that cannot proceed; the message says why and what to do instead. */
public final class InstallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InstallException(String message) {
    super(message);
  }
}
