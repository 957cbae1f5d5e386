package dev.click2call.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures the logging backend (java.util.logging behind SLF4J): a rotating file in the per-user
 * log folder and warnings on standard error. Nothing ever goes to standard output. When the log
 * folder cannot be used the host warns on standard error and goes on.
 */
public final class LogSetup {
  static final int FILE_LIMIT_BYTES = 1024 * 1024;
  static final int FILE_COUNT = 5;
  static final String FILE_PATTERN = "click2call.%g.log";

  /** How long a first log line waits for a background setup that has not finished. */
  private static final long SETUP_WAIT_MILLIS = 2000;

  /** Set while a background setup runs; counted down when it is done. */
  private static volatile CountDownLatch backgroundSetup;

  private LogSetup() {}

  /**
   * A logger for a class that may log while {@link #configureInBackground} is still running: the
   * first call waits for that setup (at most 2 s), so the line reaches the log file rather than the
   * JVM's default console handler. Without a background setup it waits for nothing.
   */
  public static org.slf4j.Logger logger(Class<?> owner) {
    CountDownLatch setup = backgroundSetup;
    if (setup != null) {
      try {
        setup.await(SETUP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return LoggerFactory.getLogger(owner);
  }

  /**
   * @param logDir the folder for the rotating log files
   * @param level one of error, warn, info, debug, trace (case-insensitive); unknown means info
   * @return the log file in use, or null when only standard error is used
   */
  public static Path configure(Path logDir, String level) {
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
      handler.close();
    }
    Level fileLevel = parseLevel(level);
    root.setLevel(fileLevel);

    Handler stderr = new ConsoleHandler(); // writes to System.err
    stderr.setLevel(Level.WARNING);
    stderr.setFormatter(new LineFormatter());
    root.addHandler(stderr);

    try {
      Files.createDirectories(logDir);
      FileHandler file =
          new FileHandler(
              logDir.resolve(FILE_PATTERN).toString().replace("\\", "/"),
              FILE_LIMIT_BYTES,
              FILE_COUNT,
              true);
      file.setEncoding("UTF-8");
      file.setLevel(fileLevel);
      file.setFormatter(new LineFormatter());
      root.addHandler(file);
      return logDir.resolve(FILE_PATTERN.replace("%g", "0"));
    } catch (IOException | RuntimeException e) {
      System.err.println("click2call: cannot write logs to " + logDir + ": " + e.getMessage());
      return null;
    }
  }

  /**
   * Configures logging on a background thread, then runs {@code whenReady} there: the host answers
   * its first request while the logging backend (a noticeable part of start-up) is still loading.
   */
  public static Thread configureInBackground(Path logDir, String level, Runnable whenReady) {
    return configureInBackground(logDir, level, new CountDownLatch(0), 0, whenReady);
  }

  /**
   * Like {@link #configureInBackground(Path, String, Runnable)}, but the thread first waits for
   * {@code go} (at most {@code maxWaitMillis}), so that the backend's start does not compete with
   * the host's first reply for the CPU.
   */
  public static Thread configureInBackground(
      Path logDir, String level, CountDownLatch go, long maxWaitMillis, Runnable whenReady) {
    CountDownLatch done = new CountDownLatch(1);
    backgroundSetup = done;
    Thread thread =
        new Thread("log-setup") {
          @Override
          public void run() {
            try {
              go.await(maxWaitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt(); // configure anyway: the last lines must be kept
            }
            try {
              configure(logDir, level);
              // SLF4J binds its backend here, not under a waiting first log line: a line logged
              // while another thread binds it would be queued and replayed with a warning.
              LoggerFactory.getILoggerFactory();
            } finally {
              done.countDown();
            }
            whenReady.run();
          }
        };
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  static Level parseLevel(String level) {
    if (level == null) {
      return Level.INFO;
    }
    return switch (level.toLowerCase(Locale.ROOT)) {
      case "error" -> Level.SEVERE;
      case "warn", "warning" -> Level.WARNING;
      case "debug" -> Level.FINE;
      case "trace" -> Level.FINEST;
      case "off" -> Level.OFF;
      default -> Level.INFO;
    };
  }

  /** One line per record: time, level, logger, message, then any stack trace. */
  static final class LineFormatter extends Formatter {
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    @Override
    public String format(LogRecord record) {
      StringBuilder line = new StringBuilder(128);
      line.append(TIME.format(Instant.ofEpochMilli(record.getMillis())))
          .append(' ')
          .append(record.getLevel().getName())
          .append(" [")
          .append(ProcessHandle.current().pid())
          .append("] ")
          .append(shortName(record.getLoggerName()))
          .append(": ")
          .append(formatMessage(record))
          .append(System.lineSeparator());
      if (record.getThrown() != null) {
        java.io.StringWriter trace = new java.io.StringWriter();
        record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
        line.append(trace);
      }
      return line.toString();
    }

    private static String shortName(String name) {
      if (name == null) {
        return "-";
      }
      int dot = name.lastIndexOf('.');
      return dot < 0 ? name : name.substring(dot + 1);
    }
  }
}
