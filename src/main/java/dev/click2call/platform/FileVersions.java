package dev.click2call.platform;

import java.util.Optional;

/** An executable's version resource ({@code VS_FIXEDFILEINFO}); none off Windows. */
public interface FileVersions {
  /** {@code major.minor.build.revision}, or empty when the file has no version resource. */
  Optional<String> versionOf(String file);

  FileVersions NONE = file -> Optional.empty();
}
