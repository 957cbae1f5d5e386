/* The baseline of the hook program's benchmark: a GUI-subsystem program that does nothing. */
#include <windows.h>

int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR command, int show) {
  (void)instance;
  (void)previous;
  (void)command;
  (void)show;
  return 0;
}
