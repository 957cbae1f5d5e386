/* Sends one command to the "MicroSIP" window the way the host does (WM_COPYDATA, dwData 2,
 * NUL-terminated UTF-16, SendMessageTimeoutW), or WM_CLOSE with --close. Test helper. */
#include <windows.h>
#include <wchar.h>

int wmain(int argc, wchar_t **argv) {
  HWND window = NULL;
  for (int i = 0; i < 100 && window == NULL; i++) {
    window = FindWindowW(L"MicroSIP", NULL);
    if (window == NULL) {
      Sleep(100);
    }
  }
  if (window == NULL || argc < 2) {
    return 2;
  }
  if (wcscmp(argv[1], L"--close") == 0) {
    return PostMessageW(window, WM_CLOSE, 0, 0) ? 0 : 3;
  }
  COPYDATASTRUCT data;
  data.dwData = 2;
  data.cbData = (DWORD)((wcslen(argv[1]) + 1) * sizeof(wchar_t));
  data.lpData = argv[1];
  DWORD_PTR result = 0;
  LRESULT sent = SendMessageTimeoutW(window, WM_COPYDATA, 0, (LPARAM)&data,
                                     SMTO_ABORTIFHUNG | SMTO_BLOCK, 5000, &result);
  return sent ? 0 : 4;
}
