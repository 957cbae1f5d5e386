/* A MicroSIP stand-in for the tests under Wine, faithful to MicroSIP 3.22 where the hook program
 * meets it (docs: shared reference microsip.md §1.3, §3.1):
 *  - a top-level window of class "MicroSIP" (FindWindowW(L"MicroSIP", NULL) finds it);
 *  - hooks read from [Settings] of <exe name>.ini beside it (portable mode) with
 *    GetPrivateProfileStringW into a 256-character buffer;
 *  - a hook runs like MSIP::RunCmd: the value is split with CommandLineToArgvW, token 1 is the
 *    file, the rest re-joined with single spaces (quotes lost), then " " + the remote party,
 *    unquoted; ShellExecuteExW (no verb, SW_HIDE, NOCLOSEPROCESS|NOASYNC|FLAG_NO_UI), then
 *    WaitForSingleObject(process, 10000) on the UI thread;
 *  - WM_COPYDATA: dwData 1 handled inside the handler, 2 queued; a dial ("sip:", "tel:",
 *    "callto:" stripped) fires cmdOutgoingCall with the number, as an outgoing call would.
 * Modes: --events <file> runs the UTF-8 lines "<hook key>\t<remote>" in order, then exits;
 * --bench <n> <key> runs the hook of <key> and the baseline command of [Settings] benchBaseline
 * alternately n times each and logs both medians; otherwise it waits for messages until WM_CLOSE.
 * Everything it does goes to standin.log beside it (UTF-8). */
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UM_ON_COMMAND_LINE (WM_APP + 1)
#define UM_START (WM_APP + 2)

static wchar_t ini[MAX_PATH];
static wchar_t log_path[MAX_PATH];
static int argc_;
static wchar_t **argv_;

static void log_line(const wchar_t *text) {
  char utf8[8192];
  int n = WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, sizeof utf8 - 2, NULL, NULL);
  if (n <= 0) {
    return;
  }
  utf8[n - 1] = '\n';
  HANDLE file = CreateFileW(log_path, FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                            OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
  if (file != INVALID_HANDLE_VALUE) {
    DWORD written;
    WriteFile(file, utf8, (DWORD)n, &written, NULL);
    CloseHandle(file);
  }
}

static double now_ms(void) {
  static LARGE_INTEGER frequency;
  LARGE_INTEGER counter;
  if (frequency.QuadPart == 0) {
    QueryPerformanceFrequency(&frequency);
  }
  QueryPerformanceCounter(&counter);
  return (double)counter.QuadPart * 1000.0 / (double)frequency.QuadPart;
}

/* MSIP::RunCmd. Returns the milliseconds from ShellExecuteEx to the end of the wait, or -1. */
static double run_cmd(const wchar_t *value, const wchar_t *remote, int quiet) {
  int count = 0;
  wchar_t **tokens = CommandLineToArgvW(value, &count);
  if (tokens == NULL || count < 1 || value[0] == 0) {
    return -1;
  }
  static wchar_t params[1024];
  params[0] = 0;
  for (int i = 1; i < count; i++) {
    if (i > 1) {
      wcscat(params, L" ");
    }
    wcsncat(params, tokens[i], 1000 - wcslen(params));
  }
  if (remote[0]) {
    wcscat(params, L" ");
    wcsncat(params, remote, 1020 - wcslen(params));
  }
  SHELLEXECUTEINFOW info;
  ZeroMemory(&info, sizeof info);
  info.cbSize = sizeof info;
  info.fMask = SEE_MASK_NOCLOSEPROCESS | SEE_MASK_NOASYNC | SEE_MASK_FLAG_NO_UI;
  info.lpVerb = NULL;
  info.lpFile = tokens[0];
  info.lpParameters = params;
  info.nShow = SW_HIDE;
  double start = now_ms();
  BOOL ok = ShellExecuteExW(&info);
  DWORD waited = WAIT_FAILED;
  DWORD code = 0;
  if (ok && info.hProcess != NULL) {
    waited = WaitForSingleObject(info.hProcess, 10000);
    GetExitCodeProcess(info.hProcess, &code);
    CloseHandle(info.hProcess);
  }
  double elapsed = now_ms() - start;
  if (!quiet) {
    static wchar_t line[2048];
    _snwprintf(line, 2048, L"ran file=%ls params=%ls ok=%d waited=%ls exit=%lu ms=%.1f",
               tokens[0], params, ok ? 1 : 0, waited == WAIT_OBJECT_0 ? L"ended" : L"timeout",
               (unsigned long)code, elapsed);
    line[2047] = 0;
    log_line(line);
  }
  LocalFree(tokens);
  return ok ? elapsed : -1;
}

static void run_hook(const wchar_t *key, const wchar_t *remote) {
  wchar_t value[256];
  GetPrivateProfileStringW(L"Settings", key, L"", value, 256, ini);
  wchar_t line[600];
  _snwprintf(line, 600, L"hook %ls value=%ls", key, value);
  line[599] = 0;
  log_line(line);
  if (value[0]) {
    run_cmd(value, remote, 0);
  }
}

/* CmainDlg::CommandLine, reduced to what the tests send: control words are logged, anything
 * else is dialed, which fires cmdOutgoingCall with the number. */
static void command_line(const wchar_t *command) {
  wchar_t line[600];
  _snwprintf(line, 600, L"command %ls", command);
  line[599] = 0;
  log_line(line);
  if (command[0] == L'/' || wcsncmp(command, L"msip:", 5) == 0) {
    return;
  }
  const wchar_t *number = command;
  if (_wcsnicmp(number, L"sip:", 4) == 0 || _wcsnicmp(number, L"tel:", 4) == 0) {
    number += 4;
  } else if (_wcsnicmp(number, L"callto:", 7) == 0) {
    number += 7;
  }
  run_hook(L"cmdOutgoingCall", number);
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a;
  double y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void bench(int runs, const wchar_t *key) {
  wchar_t hook[256];
  wchar_t baseline[256];
  GetPrivateProfileStringW(L"Settings", key, L"", hook, 256, ini);
  GetPrivateProfileStringW(L"Settings", L"benchBaseline", L"", baseline, 256, ini);
  double *a = calloc((size_t)runs, sizeof(double));
  double *b = calloc((size_t)runs, sizeof(double));
  for (int i = 0; i < 3; i++) { /* warm-up, not counted */
    run_cmd(hook, L"123", 1);
    run_cmd(baseline, L"123", 1);
  }
  for (int i = 0; i < runs; i++) {
    a[i] = run_cmd(hook, L"123", 1);
    b[i] = run_cmd(baseline, L"123", 1);
  }
  qsort(a, (size_t)runs, sizeof(double), compare_doubles);
  qsort(b, (size_t)runs, sizeof(double), compare_doubles);
  wchar_t line[200];
  _snwprintf(line, 200, L"bench runs=%d hook_median_ms=%.3f baseline_median_ms=%.3f", runs,
             a[runs / 2], b[runs / 2]);
  line[199] = 0;
  log_line(line);
  free(a);
  free(b);
}

static void run_events(const wchar_t *file_name) {
  HANDLE file = CreateFileW(file_name, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
  if (file == INVALID_HANDLE_VALUE) {
    log_line(L"no events file");
    return;
  }
  static char bytes[65536];
  DWORD read = 0;
  ReadFile(file, bytes, sizeof bytes - 1, &read, NULL);
  CloseHandle(file);
  bytes[read] = 0;
  static wchar_t text[65536];
  MultiByteToWideChar(CP_UTF8, 0, bytes, -1, text, 65536);
  for (wchar_t *line = text; *line;) {
    wchar_t *end = wcschr(line, L'\n');
    wchar_t *next = end != NULL ? end + 1 : line + wcslen(line);
    if (end != NULL) {
      *end = 0;
    }
    wchar_t *tab = wcschr(line, L'\t');
    if (tab != NULL) {
      *tab = 0;
      run_hook(line, tab + 1);
    }
    line = next;
  }
}

static LRESULT CALLBACK window_proc(HWND window, UINT message, WPARAM w, LPARAM l) {
  static wchar_t queued[1024];
  switch (message) {
    case UM_START:
      if (argc_ >= 3 && wcscmp(argv_[1], L"--events") == 0) {
        run_events(argv_[2]);
        log_line(L"events done");
        DestroyWindow(window);
      } else if (argc_ >= 4 && wcscmp(argv_[1], L"--bench") == 0) {
        bench(_wtoi(argv_[2]), argv_[3]);
        DestroyWindow(window);
      } else {
        log_line(L"ready");
      }
      return 0;
    case WM_COPYDATA: {
      const COPYDATASTRUCT *data = (const COPYDATASTRUCT *)l;
      const wchar_t *payload = data->lpData != NULL ? (const wchar_t *)data->lpData : L"";
      if (data->dwData == 1) {
        command_line(payload);
      } else if (data->dwData == 2) {
        wcsncpy(queued, payload, 1023);
        queued[1023] = 0;
        PostMessageW(window, UM_ON_COMMAND_LINE, 0, 0);
      }
      return FALSE;
    }
    case UM_ON_COMMAND_LINE:
      command_line(queued);
      return 0;
    case WM_CLOSE:
      log_line(L"closing");
      DestroyWindow(window);
      return 0;
    case WM_DESTROY:
      PostQuitMessage(0);
      return 0;
    default:
      return DefWindowProcW(window, message, w, l);
  }
  (void)w;
}

int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR command, int show) {
  (void)previous;
  (void)command;
  (void)show;
  argv_ = CommandLineToArgvW(GetCommandLineW(), &argc_);
  wchar_t self[MAX_PATH];
  GetModuleFileNameW(NULL, self, MAX_PATH);
  wcscpy(ini, self);
  wchar_t *dot = wcsrchr(ini, L'.');
  if (dot != NULL) {
    wcscpy(dot, L".ini");
  }
  wcscpy(log_path, self);
  wcscpy(wcsrchr(log_path, L'\\') + 1, L"standin.log");
  WNDCLASSW window_class;
  ZeroMemory(&window_class, sizeof window_class);
  window_class.lpfnWndProc = window_proc;
  window_class.hInstance = instance;
  window_class.lpszClassName = L"MicroSIP";
  RegisterClassW(&window_class);
  HWND window = CreateWindowExW(0, L"MicroSIP", L"MicroSIP", WS_OVERLAPPEDWINDOW, 0, 0, 300, 200,
                                NULL, NULL, instance, NULL);
  if (window == NULL) {
    log_line(L"no window");
    return 1;
  }
  PostMessageW(window, UM_START, 0, 0);
  MSG message;
  while (GetMessageW(&message, NULL, 0, 0) > 0) {
    TranslateMessage(&message);
    DispatchMessageW(&message);
  }
  return 0;
}
