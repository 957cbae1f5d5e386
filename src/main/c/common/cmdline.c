#include "cmdline.h"

const wchar_t *cmdline_after_program(const wchar_t *c) {
  if (*c == L'"') {
    c++;
    while (*c && *c != L'"') {
      c++;
    }
    if (*c) {
      c++;
    }
  } else {
    while (*c && *c != L' ' && *c != L'\t') {
      c++;
    }
  }
  while (*c == L' ' || *c == L'\t') {
    c++;
  }
  return c;
}
