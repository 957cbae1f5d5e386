package dev.click2call.platform.windows;

import com.sun.jna.platform.win32.VerRsrc;
import com.sun.jna.platform.win32.VersionUtil;
import dev.click2call.platform.FileVersions;
import java.util.Optional;

/** The fixed file version of an executable's version resource (version.dll). */
public final class JnaFileVersions implements FileVersions {
  @Override
  public Optional<String> versionOf(String file) {
    try {
      VerRsrc.VS_FIXEDFILEINFO info = VersionUtil.getFileVersionInfo(file);
      return Optional.of(
          info.getFileVersionMajor()
              + "."
              + info.getFileVersionMinor()
              + "."
              + info.getFileVersionRevision()
              + "."
              + info.getFileVersionBuild());
    } catch (RuntimeException e) {
      return Optional.empty(); // no version resource, or the file is unreadable
    }
  }
}
