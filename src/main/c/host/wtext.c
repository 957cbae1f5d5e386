#include "wtext.h"

void wtext_clear(wtext *t) {
  t->length = 0;
  t->overflow = 0;
  t->text[0] = 0;
}

void wtext_append_n(wtext *t, const wchar_t *s, size_t n) {
  for (size_t i = 0; i < n && s[i]; i++) {
    if (t->length + 1 >= WTEXT_MAX) {
      t->overflow = 1;
      break;
    }
    t->text[t->length++] = s[i];
  }
  t->text[t->length] = 0;
}

void wtext_append(wtext *t, const wchar_t *s) { wtext_append_n(t, s, (size_t)-1); }

void wtext_append_arg(wtext *t, const wchar_t *arg) {
  int needs_quotes = arg[0] == 0;
  for (const wchar_t *c = arg; *c; c++) {
    if (*c == L' ' || *c == L'\t' || *c == L'"' || *c == L'\n' || *c == L'\v') {
      needs_quotes = 1;
    }
  }
  if (!needs_quotes) {
    wtext_append(t, arg);
    return;
  }
  wtext_append(t, L"\"");
  for (const wchar_t *c = arg;; c++) {
    size_t slashes = 0;
    while (*c == L'\\') {
      slashes++;
      c++;
    }
    /* Before a quote or the closing quote, each backslash must be doubled. */
    size_t copies = (*c == L'"' || *c == 0) ? slashes * 2 : slashes;
    for (size_t i = 0; i < copies; i++) {
      wtext_append(t, L"\\");
    }
    if (*c == 0) {
      break;
    }
    if (*c == L'"') {
      wtext_append(t, L"\\\"");
    } else {
      wtext_append_n(t, c, 1);
    }
  }
  wtext_append(t, L"\"");
}
