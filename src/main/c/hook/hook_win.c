/* click2call-hook.exe: what MicroSIP's cmd* hooks run. GUI subsystem (no console window, no
 * cmd.exe). MicroSIP appends the remote party unquoted, so the command line is split by
 * CommandLineToArgvW's rules, as any Windows program would split it: argv[1] is the event, the
 * rest, joined by single spaces, is the remote party (as `click2call hook` joins it). The remote
 * is only ever data: it goes into a JSON string and nowhere else. Always exits 0: a failing hook
 * must never disturb MicroSIP, which waits for it on its UI thread. */
#include <windows.h>
#include <stdint.h>
#include <stdio.h>

#include "../common/cmdline.h"
#include "hook_message.h"
#include "hook_transport.h"

#define MAX_JOINED 1024
#define MAX_ARGS 64

/* CommandLineToArgvW's rules, in our own code so that shell32 (slow to load) is not needed:
 * argv[0] is skipped (common/cmdline.c); after it, whitespace separates, quotes group, 2n
 * backslashes before a quote give n and the quote groups, 2n+1 give n and a literal quote.
 * Writes the arguments after argv[0] into buffer, NUL-separated. */
static int split_arguments(const wchar_t *c, wchar_t *buffer, size_t capacity, wchar_t **args) {
  c = cmdline_after_program(c);
  int count = 0;
  size_t used = 0;
  for (;;) {
    while (*c == L' ' || *c == L'\t') {
      c++;
    }
    if (*c == 0 || count == MAX_ARGS || used + 1 >= capacity) {
      return count;
    }
    args[count++] = buffer + used;
    int quoted = 0;
    while (*c && (quoted || (*c != L' ' && *c != L'\t')) && used + 2 < capacity) {
      if (*c == L'\\') {
        size_t slashes = 0;
        while (*c == L'\\') {
          slashes++;
          c++;
        }
        if (*c == L'"') {
          for (size_t i = 0; i < slashes / 2 && used + 2 < capacity; i++) {
            buffer[used++] = L'\\';
          }
          if (slashes % 2 == 1) {
            buffer[used++] = L'"';
            c++;
          }
        } else {
          for (size_t i = 0; i < slashes && used + 2 < capacity; i++) {
            buffer[used++] = L'\\';
          }
        }
      } else if (*c == L'"') {
        quoted = !quoted;
        c++;
      } else {
        buffer[used++] = *c++;
      }
    }
    buffer[used++] = 0;
  }
}

/* CLICK2CALL_RUNTIME_DIR, else %LOCALAPPDATA%\click2call, else %USERPROFILE%\AppData\Local\
 * click2call: the folders of dev.click2call.platform.UserDirs.runtimeDir() on Windows. */
static int hosts_folder(wchar_t *out, size_t capacity) {
  wchar_t value[MAX_PATH];
  DWORD n = GetEnvironmentVariableW(L"CLICK2CALL_RUNTIME_DIR", value, MAX_PATH);
  int blank = 1;
  for (DWORD i = 0; n > 0 && n < MAX_PATH && i < n; i++) {
    if (value[i] != L' ' && value[i] != L'\t') {
      blank = 0;
    }
  }
  if (n > 0 && n < MAX_PATH && !blank) {
    return _snwprintf(out, capacity, L"%ls\\hosts", value) > 0;
  }
  n = GetEnvironmentVariableW(L"LOCALAPPDATA", value, MAX_PATH);
  if (n > 0 && n < MAX_PATH) {
    return _snwprintf(out, capacity, L"%ls\\click2call\\hosts", value) > 0;
  }
  n = GetEnvironmentVariableW(L"USERPROFILE", value, MAX_PATH);
  if (n > 0 && n < MAX_PATH) {
    return _snwprintf(out, capacity, L"%ls\\AppData\\Local\\click2call\\hosts", value) > 0;
  }
  return 0;
}

/* CLICK2CALL_HOOK_TRACE names a file that gets each line and its outcome appended: for support,
 * and for the tests under Wine, which has no AF_UNIX. Only the user's own environment sets it. */
static void trace(const char *line, size_t length, hook_result result) {
  wchar_t path[MAX_PATH];
  DWORD n = GetEnvironmentVariableW(L"CLICK2CALL_HOOK_TRACE", path, MAX_PATH);
  if (n == 0 || n >= MAX_PATH) {
    return;
  }
  HANDLE file = CreateFileW(path, FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                            OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
  if (file == INVALID_HANDLE_VALUE) {
    return;
  }
  char outcome[96];
  int outcome_length = snprintf(outcome, sizeof outcome, "delivered=%d stale=%d failed=%d\n", result.delivered,
                                 result.stale_removed, result.failed);
  DWORD written;
  WriteFile(file, line, (DWORD)length, &written, NULL);
  WriteFile(file, outcome, (DWORD)outcome_length, &written, NULL);
  CloseHandle(file);
}

int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR command_line, int show) {
  (void)instance;
  (void)previous;
  (void)command_line;
  (void)show;
  static wchar_t buffer[4096];
  wchar_t *args[MAX_ARGS];
  int count = split_arguments(GetCommandLineW(), buffer, 4096, args);
  if (count < 1) {
    return 0;
  }
  size_t event_length = wcslen(args[0]);
  if (!hook_event_valid((const uint16_t *)args[0], event_length)) {
    return 0;
  }
  uint16_t joined[MAX_JOINED];
  size_t joined_length = 0;
  for (int i = 1; i < count; i++) {
    if (i > 1 && joined_length < MAX_JOINED) {
      joined[joined_length++] = L' ';
    }
    for (const wchar_t *c = args[i]; *c && joined_length < MAX_JOINED; c++) {
      joined[joined_length++] = (uint16_t)*c;
    }
  }
  uint16_t remote[HOOK_MAX_REMOTE_UNITS];
  size_t remote_length = hook_clean_remote(joined, joined_length, remote);
  char line[HOOK_MAX_LINE_BYTES];
  size_t length = hook_encode((const uint16_t *)args[0], event_length, remote, remote_length,
                              line, sizeof line);
  wchar_t folder[MAX_PATH];
  if (length == 0 || !hosts_folder(folder, MAX_PATH)) {
    return 0;
  }
  folder[MAX_PATH - 1] = 0;
  hook_result result = hook_send_all(folder, line, length);
  trace(line, length, result);
  return 0;
}
