package dev.click2call.platform;

import java.util.Optional;

/** Maps a process id to the full path of its executable image. */
public interface ProcessImages {
  Optional<String> imageOf(long pid);

  /** The portable answer (Windows gives the image; POSIX gives the command). */
  ProcessImages FROM_JDK = pid -> ProcessHandle.of(pid).flatMap(h -> h.info().command());
}
