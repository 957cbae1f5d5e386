package dev.click2call.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef;
import dev.click2call.platform.ProcessStarter;
import dev.click2call.platform.WindowsCommandLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code CreateProcessW} with {@code CREATE_BREAKAWAY_FROM_JOB}: Firefox runs the host in a job
 * object it kills on exit, and a softphone started inside it would die with the browser. Handles
 * are not inherited (the browser's pipes stay ours alone). When the job forbids breaking away, the
 * program starts inside it and the note says so.
 */
public final class JnaProcessStarter implements ProcessStarter {
  static final int CREATE_BREAKAWAY_FROM_JOB = 0x01000000;
  static final int CREATE_DEFAULT_ERROR_MODE = 0x04000000;
  private static final int ERROR_ACCESS_DENIED = 5;

  /** {@code CreateProcessW}: the new pid, or minus the last error. */
  interface Creator {
    int create(String commandLine, String directory, int flags);
  }

  private final Creator creator;

  public JnaProcessStarter() {
    this(JnaProcessStarter::create);
  }

  JnaProcessStarter(Creator creator) {
    this.creator = creator;
  }

  @Override
  public Started start(List<String> command, Path folder) throws IOException {
    String line = WindowsCommandLine.join(command);
    String directory = folder == null ? null : folder.toString();
    int error =
        creator.create(line, directory, CREATE_BREAKAWAY_FROM_JOB | CREATE_DEFAULT_ERROR_MODE);
    if (error > 0) {
      return new Started(error, null);
    }
    if (-error != ERROR_ACCESS_DENIED) {
      throw new IOException("CreateProcessW failed for " + line + ": error " + -error);
    }
    int second = creator.create(line, directory, CREATE_DEFAULT_ERROR_MODE);
    if (second <= 0) {
      throw new IOException("CreateProcessW failed for " + line + ": error " + -second);
    }
    return new Started(
        second,
        "the browser's job object does not allow breaking away: the program ends when the browser"
            + " closes");
  }

  /** The new pid, or minus the last error. */
  private static int create(String line, String directory, int flags) {
    WinBase.STARTUPINFO startup = new WinBase.STARTUPINFO();
    WinBase.PROCESS_INFORMATION info = new WinBase.PROCESS_INFORMATION();
    boolean ok =
        Kernel32.INSTANCE.CreateProcess(
            null, line, null, null, false, new WinDef.DWORD(flags), null, directory, startup, info);
    if (!ok) {
      return -Native.getLastError();
    }
    Kernel32.INSTANCE.CloseHandle(info.hThread);
    Kernel32.INSTANCE.CloseHandle(info.hProcess);
    return info.dwProcessId.intValue();
  }
}
