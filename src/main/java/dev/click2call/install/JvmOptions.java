package dev.click2call.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The host's JVM options, written down once in the {@code dev/click2call/jvm.options} resource and
 * used by every launcher. The class-data-sharing archive option is left to the launcher, which
 * passes it only when the archive exists.
 */
public final class JvmOptions {
  private static final String RESOURCE = "/dev/click2call/jvm.options";
  private static final String ARCHIVE_PLACEHOLDER = "${CDS_ARCHIVE}";

  private JvmOptions() {}

  public static List<String> withoutArchive() {
    try (InputStream in = JvmOptions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .filter(line -> !line.contains(ARCHIVE_PLACEHOLDER))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
