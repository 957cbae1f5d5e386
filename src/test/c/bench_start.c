/* Starts two command lines alternately (CreateProcessW, standard input from NUL, wait for the
 * end), n times each after 3 warm-up rounds, and prints both medians in milliseconds:
 *   bench_start.exe <n> <command A> <command B>   →   "a_median_ms=… b_median_ms=…"
 * The launcher benchmark: A = the launcher, B = the java it finds, started directly. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

static double run(wchar_t *command, HANDLE nul) {
  static LARGE_INTEGER frequency;
  if (frequency.QuadPart == 0) {
    QueryPerformanceFrequency(&frequency);
  }
  STARTUPINFOW startup;
  ZeroMemory(&startup, sizeof startup);
  startup.cb = sizeof startup;
  startup.dwFlags = STARTF_USESTDHANDLES;
  startup.hStdInput = nul;
  startup.hStdOutput = nul;
  startup.hStdError = nul;
  PROCESS_INFORMATION process;
  LARGE_INTEGER start;
  LARGE_INTEGER end;
  QueryPerformanceCounter(&start);
  if (!CreateProcessW(NULL, command, NULL, NULL, TRUE, 0, NULL, NULL, &startup, &process)) {
    return -1;
  }
  WaitForSingleObject(process.hProcess, INFINITE);
  QueryPerformanceCounter(&end);
  CloseHandle(process.hThread);
  CloseHandle(process.hProcess);
  return (double)(end.QuadPart - start.QuadPart) * 1000.0 / (double)frequency.QuadPart;
}

static int compare(const void *a, const void *b) {
  double x = *(const double *)a;
  double y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int wmain(int argc, wchar_t **argv) {
  if (argc != 4) {
    return 2;
  }
  int n = _wtoi(argv[1]);
  SECURITY_ATTRIBUTES inherit = {sizeof inherit, NULL, TRUE};
  HANDLE nul = CreateFileW(L"NUL", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                           &inherit, OPEN_EXISTING, 0, NULL);
  double *a = calloc((size_t)n, sizeof(double));
  double *b = calloc((size_t)n, sizeof(double));
  static wchar_t command[32768];
  for (int i = -3; i < n; i++) {
    wcscpy(command, argv[2]);
    double x = run(command, nul);
    wcscpy(command, argv[3]);
    double y = run(command, nul);
    if (x < 0 || y < 0) {
      return 3;
    }
    if (i >= 0) {
      a[i] = x;
      b[i] = y;
    }
  }
  qsort(a, (size_t)n, sizeof(double), compare);
  qsort(b, (size_t)n, sizeof(double), compare);
  printf("a_median_ms=%.3f b_median_ms=%.3f\n", a[n / 2], b[n / 2]);
  return 0;
}
