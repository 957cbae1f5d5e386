/* click2call-host.exe: the native-messaging launcher browsers start. Console subsystem, wide
 * APIs throughout. It finds a Java 17+ runtime (java_find.h), then runs
 *   java <jvm.options> -cp click2call.jar dev.click2call.Main <our own arguments, untouched>
 * with every file found beside this program at run time (nothing absolute or versioned is built
 * in). The browser's standard handles pass through to java unchanged; java runs in a job that
 * dies with this process, and its exit code becomes ours.
 * Exit codes of its own: 3 no runtime found, 4 installation incomplete, 5 java did not start. */
#include <windows.h>
#include <shellapi.h>

#include "../common/cmdline.h"
#include "java_find.h"
#include "wtext.h"

#define EXIT_NO_RUNTIME 3
#define EXIT_BAD_INSTALL 4
#define EXIT_NOT_STARTED 5
#define MAX_OPTIONS_BYTES 65536

static const wchar_t MAIN_CLASS[] = L"dev.click2call.Main";

/* One line on stderr, UTF-8 (the browser logs it). */
static void say(const wchar_t *text) {
  char utf8[4096];
  int n = WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, sizeof utf8 - 2, NULL, NULL);
  if (n <= 1) {
    return;
  }
  utf8[n - 1] = '\n';
  DWORD written;
  WriteFile(GetStdHandle(STD_ERROR_HANDLE), utf8, (DWORD)n, &written, NULL);
}

static int is_file(const wchar_t *path) {
  DWORD attributes = GetFileAttributesW(path);
  return attributes != INVALID_FILE_ATTRIBUTES && !(attributes & FILE_ATTRIBUTE_DIRECTORY);
}

/* Whether the text survives the ANSI code page: the JDK's java.exe reads its command line and
 * its own location in that code page, so other characters would arrive as '?'. */
static int ansi_safe(const wchar_t *text) {
  BOOL lossy = FALSE;
  int n = WideCharToMultiByte(CP_ACP, WC_NO_BEST_FIT_CHARS, text, -1, NULL, 0, NULL, &lossy);
  return n > 0 && !lossy;
}

/* The options of jvm.options (one per line, # comments); ${CDS_ARCHIVE} lines only when the
 * archive exists, with its path filled in. Returns 0 when the file cannot be read. */
static int append_options(wtext *command, const wchar_t *options_file, const wchar_t *archive) {
  HANDLE file = CreateFileW(options_file, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                            FILE_ATTRIBUTE_NORMAL, NULL);
  if (file == INVALID_HANDLE_VALUE) {
    return 0;
  }
  static char bytes[MAX_OPTIONS_BYTES];
  DWORD read = 0;
  BOOL ok = ReadFile(file, bytes, sizeof bytes - 1, &read, NULL);
  CloseHandle(file);
  if (!ok) {
    return 0;
  }
  bytes[read] = 0;
  static wchar_t text[MAX_OPTIONS_BYTES];
  int n = MultiByteToWideChar(CP_UTF8, 0, bytes, -1, text, MAX_OPTIONS_BYTES);
  if (n <= 0) {
    return 0;
  }
  wchar_t *line = text;
  while (*line) {
    wchar_t *end = line;
    while (*end && *end != L'\n') {
      end++;
    }
    wchar_t *next = *end ? end + 1 : end;
    while (end > line && (end[-1] == L'\r' || end[-1] == L' ' || end[-1] == L'\t')) {
      end--;
    }
    while (line < end && (*line == L' ' || *line == L'\t' || *line == 0xFEFF)) {
      line++;
    }
    *end = 0;
    if (*line && *line != L'#') {
      wchar_t *placeholder = wcsstr(line, L"${CDS_ARCHIVE}");
      if (placeholder == NULL) {
        wtext_append(command, L" ");
        wtext_append_arg(command, line);
      } else if (archive != NULL) {
        static wchar_t option[WTEXT_MAX];
        _snwprintf(option, WTEXT_MAX, L"%.*ls%ls%ls", (int)(placeholder - line), line, archive,
                   placeholder + 14);
        option[WTEXT_MAX - 1] = 0;
        wtext_append(command, L" ");
        wtext_append_arg(command, option);
      }
    }
    line = next;
  }
  return 1;
}

static BOOL WINAPI ignore_break(DWORD type) {
  (void)type;
  return TRUE; /* java gets the same console event and decides; we wait for it */
}

int wmain(int argc, wchar_t **argv) {
  static wchar_t self[MAX_PATH];
  DWORD n = GetModuleFileNameW(NULL, self, MAX_PATH);
  if (n == 0 || n >= MAX_PATH) {
    say(L"click2call-host: cannot find its own folder");
    return EXIT_BAD_INSTALL;
  }
  wchar_t *slash = wcsrchr(self, L'\\');
  if (slash == NULL) {
    return EXIT_BAD_INSTALL;
  }
  *slash = 0;
  const wchar_t *dir = self;

  static wchar_t java[MAX_PATH];
  const wchar_t *rule = NULL;
  int found = java_find(dir, java, MAX_PATH, &rule);
  if (argc == 2 && wcscmp(argv[1], L"--which-java") == 0) {
    /* For `click2call doctor` and support: what a browser start would run. */
    static wtext answer;
    wtext_clear(&answer);
    wtext_append(&answer, found ? rule : L"none");
    wtext_append(&answer, L"\t");
    wtext_append(&answer, found ? java : L"");
    char utf8[4 * MAX_PATH];
    int length = WideCharToMultiByte(CP_UTF8, 0, answer.text, -1, utf8, sizeof utf8 - 2, NULL,
                                     NULL);
    if (length > 0) {
      utf8[length - 1] = '\n';
      DWORD written;
      WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), utf8, (DWORD)length, &written, NULL);
    }
    return found ? 0 : EXIT_NO_RUNTIME;
  }
  if (!found) {
    say(L"click2call-host: no Java 17 or later found (looked in runtime\\ beside "
        L"click2call-host.exe, in the registry keys of Eclipse Temurin, Microsoft, Azul Zulu, "
        L"Amazon Corretto and Oracle, and in JAVA_HOME); install a Java 17+ runtime such as "
        L"Eclipse Temurin 17 JRE, or reinstall Click2Call with its bundled runtime");
    return EXIT_NO_RUNTIME;
  }

  /* Paths the JDK's launcher would garble are handed over relative to the folder, which then
   * becomes java's working folder (browsers start hosts in that folder anyway). */
  int relative = !ansi_safe(dir);
  static wchar_t jar[MAX_PATH];
  static wchar_t archive[MAX_PATH];
  static wchar_t options[MAX_PATH];
  _snwprintf(jar, MAX_PATH, L"%ls\\click2call.jar", dir);
  _snwprintf(archive, MAX_PATH, L"%ls\\click2call.jsa", dir);
  _snwprintf(options, MAX_PATH, L"%ls\\jvm.options", dir);
  jar[MAX_PATH - 1] = archive[MAX_PATH - 1] = options[MAX_PATH - 1] = 0;
  if (!is_file(jar)) {
    say(L"click2call-host: click2call.jar is missing beside click2call-host.exe; reinstall "
        L"Click2Call");
    return EXIT_BAD_INSTALL;
  }
  int have_archive = is_file(archive);
  if (!ansi_safe(java)) {
    static wchar_t short_java[MAX_PATH];
    DWORD s = GetShortPathNameW(java, short_java, MAX_PATH);
    if (s > 0 && s < MAX_PATH && ansi_safe(short_java)) {
      wcscpy(java, short_java);
    }
  }

  static wtext command;
  wtext_clear(&command);
  wtext_append_arg(&command, java);
  if (!append_options(&command, options,
                      have_archive ? (relative ? L"click2call.jsa" : archive) : NULL)) {
    say(L"click2call-host: jvm.options is missing beside click2call-host.exe; reinstall "
        L"Click2Call");
    return EXIT_BAD_INSTALL;
  }
  /* JNA's native library as installed (jna\jnidispatch.dll), so JNA never unpacks a copy into
   * %TEMP% at run time. */
  static wchar_t jna[MAX_PATH];
  _snwprintf(jna, MAX_PATH, L"%ls\\jna\\jnidispatch.dll", dir);
  jna[MAX_PATH - 1] = 0;
  if (is_file(jna)) {
    static wchar_t property[MAX_PATH + 32];
    _snwprintf(property, MAX_PATH + 32, L"-Djna.boot.library.path=%ls%ls",
               relative ? L"" : dir, relative ? L"jna" : L"\\jna");
    property[MAX_PATH + 31] = 0;
    wtext_append(&command, L" ");
    wtext_append_arg(&command, property);
  }
  wtext_append(&command, L" -cp ");
  wtext_append_arg(&command, relative ? L"click2call.jar" : jar);
  wtext_append(&command, L" ");
  wtext_append(&command, MAIN_CLASS);
  /* Our own arguments as the browser wrote them, passed on byte for byte: nothing is re-quoted. */
  const wchar_t *rest = cmdline_after_program(GetCommandLineW());
  if (*rest) {
    wtext_append(&command, L" ");
    wtext_append(&command, rest);
  }
  if (command.overflow) {
    say(L"click2call-host: the command line is too long");
    return EXIT_BAD_INSTALL;
  }

  /* The browser's pipes are our standard handles: java gets exactly those. */
  STARTUPINFOW startup;
  ZeroMemory(&startup, sizeof startup);
  startup.cb = sizeof startup;
  startup.dwFlags = STARTF_USESTDHANDLES;
  startup.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
  startup.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
  startup.hStdError = GetStdHandle(STD_ERROR_HANDLE);
  HANDLE handles[3] = {startup.hStdInput, startup.hStdOutput, startup.hStdError};
  for (int i = 0; i < 3; i++) {
    if (handles[i] != NULL && handles[i] != INVALID_HANDLE_VALUE) {
      SetHandleInformation(handles[i], HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT);
    }
  }

  /* java dies with us (a browser that ends the host ends this process); processes java starts,
   * such as the softphone, break away silently and live on. */
  HANDLE job = CreateJobObjectW(NULL, NULL);
  if (job != NULL) {
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits;
    ZeroMemory(&limits, sizeof limits);
    limits.BasicLimitInformation.LimitFlags =
        JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE | JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK;
    SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof limits);
  }
  PROCESS_INFORMATION process;
  if (!CreateProcessW(java, command.text, NULL, NULL, TRUE, CREATE_SUSPENDED,
                      NULL, relative ? dir : NULL, &startup, &process)) {
    say(L"click2call-host: java did not start");
    return EXIT_NOT_STARTED;
  }
  if (job != NULL) {
    AssignProcessToJobObject(job, process.hProcess); /* may fail in a job that forbids it */
  }
  SetConsoleCtrlHandler(ignore_break, TRUE);
  ResumeThread(process.hThread);
  CloseHandle(process.hThread);
  WaitForSingleObject(process.hProcess, INFINITE);
  DWORD code = 1;
  GetExitCodeProcess(process.hProcess, &code);
  return (int)code;
}
