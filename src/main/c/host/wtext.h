/* Bounded wide-string building for the launcher: a command line is at most 32767 characters. */
#ifndef CLICK2CALL_WTEXT_H
#define CLICK2CALL_WTEXT_H

#include <stddef.h>
#include <wchar.h>

#define WTEXT_MAX 32768

typedef struct {
  wchar_t text[WTEXT_MAX];
  size_t length;
  int overflow;
} wtext;

void wtext_clear(wtext *t);
void wtext_append(wtext *t, const wchar_t *s);
void wtext_append_n(wtext *t, const wchar_t *s, size_t n);
/* Appends one argument quoted so that CommandLineToArgvW (and the C runtime) give it back
 * unchanged: backslashes before a quote are doubled, quotes escaped. */
void wtext_append_arg(wtext *t, const wchar_t *arg);

#endif
