/* A stand-in java.exe for the launcher tests: records its command line and working folder in
 * record.txt of its java home (the folder above bin\), copies standard input to standard output
 * until end of input, writes one line to standard error and exits with 7. */
#include <windows.h>

static void write_utf8(HANDLE file, const wchar_t *text) {
  char utf8[70000];
  int n = WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, sizeof utf8, NULL, NULL);
  DWORD written;
  if (n > 1) {
    WriteFile(file, utf8, (DWORD)(n - 1), &written, NULL);
  }
}

int wmain(void) {
  static wchar_t path[MAX_PATH];
  GetModuleFileNameW(NULL, path, MAX_PATH);
  for (int i = 0; i < 2; i++) {
    wchar_t *slash = wcsrchr(path, L'\\');
    if (slash != NULL) {
      *slash = 0;
    }
  }
  wcscat(path, L"\\record.txt");
  HANDLE record = CreateFileW(path, GENERIC_WRITE, FILE_SHARE_READ, NULL, CREATE_ALWAYS,
                              FILE_ATTRIBUTE_NORMAL, NULL);
  if (record != INVALID_HANDLE_VALUE) {
    static wchar_t cwd[MAX_PATH];
    GetCurrentDirectoryW(MAX_PATH, cwd);
    write_utf8(record, L"cmdline=");
    write_utf8(record, GetCommandLineW());
    write_utf8(record, L"\ncwd=");
    write_utf8(record, cwd);
    write_utf8(record, L"\n");
    CloseHandle(record);
  }
  HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
  HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
  char buffer[4096];
  DWORD read;
  while (ReadFile(in, buffer, sizeof buffer, &read, NULL) && read > 0) {
    DWORD written;
    WriteFile(out, buffer, read, &written, NULL);
  }
  DWORD written;
  WriteFile(GetStdHandle(STD_ERROR_HANDLE), "fake-java-stderr\n", 17, &written, NULL);
  return 7;
}
