package dev.click2call.cli;

/** Process exit statuses of every {@code click2call} command (docs/CLI.md lists them). */
public final class ExitCodes {
  public static final int OK = 0;

  /** The command ran and the thing it checks or does failed. */
  public static final int FAILURE = 1;

  /** Wrong arguments or options. */
  public static final int USAGE = 2;

  /** Host mode: a frame declared more than 1 MiB; the stream cannot be trusted. */
  public static final int CORRUPT_STREAM = 3;

  /** Host mode: the calling extension is not on the allowlist. */
  public static final int FORBIDDEN_CALLER = 4;

  /** A settings file is invalid. */
  public static final int BAD_SETTINGS = 5;

  /** {@code dial}: the softphone is in a call and would silently drop a second one. */
  public static final int BUSY = 6;

  private ExitCodes() {}
}
