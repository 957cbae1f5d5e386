#include "hook_message.h"

int hook_event_valid(const uint16_t *event, size_t length) {
  if (length < 1 || length > 32 || event[0] < 'a' || event[0] > 'z') {
    return 0;
  }
  for (size_t i = 1; i < length; i++) {
    if (!((event[i] >= 'a' && event[i] <= 'z') || event[i] == '-')) {
      return 0;
    }
  }
  return 1;
}

/* Character.isISOControl */
static int is_control(uint16_t c) { return c <= 0x1F || (c >= 0x7F && c <= 0x9F); }

/* Character.getType(c) == FORMAT for the BMP, Unicode 13 (Java 17); checked against the JDK by
 * NativeHookTransportIT. */
static int is_format(uint16_t c) {
  return c == 0x00AD || (c >= 0x0600 && c <= 0x0605) || c == 0x061C || c == 0x06DD ||
         c == 0x070F || c == 0x08E2 || c == 0x180E || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
         (c >= 0x2066 && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB);
}

/* Character.isWhitespace for what is left after cleaning (String.strip uses it). */
static int is_space(uint16_t c) {
  return c == 0x0020 || c == 0x1680 || (c >= 0x2000 && c <= 0x2006) ||
         (c >= 0x2008 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x205F ||
         c == 0x3000;
}

size_t hook_clean_remote(const uint16_t *remote, size_t length, uint16_t *out) {
  size_t kept = 0;
  for (size_t i = 0; i < length && kept < HOOK_MAX_REMOTE_UNITS; i++) {
    uint16_t c = remote[i];
    if (is_control(c) || (c >= 0xD800 && c <= 0xDFFF) || is_format(c)) {
      continue;
    }
    out[kept++] = c;
  }
  size_t start = 0;
  while (start < kept && is_space(out[start])) {
    start++;
  }
  while (kept > start && is_space(out[kept - 1])) {
    kept--;
  }
  for (size_t i = start; i < kept; i++) {
    out[i - start] = out[i];
  }
  return kept - start;
}

typedef struct {
  char *out;
  size_t capacity;
  size_t used;
  int overflow;
} sink;

static void put(sink *s, char c) {
  if (s->used < s->capacity) {
    s->out[s->used++] = c;
  } else {
    s->overflow = 1;
  }
}

static void put_text(sink *s, const char *text) {
  while (*text) {
    put(s, *text++);
  }
}

/* HookSender.quote, then UTF-8: the text holds no surrogates (cleaned or an event name). */
static void put_quoted(sink *s, const uint16_t *text, size_t length) {
  static const char hex[] = "0123456789abcdef";
  put(s, '"');
  for (size_t i = 0; i < length; i++) {
    uint16_t c = text[i];
    if (c == '"' || c == '\\') {
      put(s, '\\');
      put(s, (char)c);
    } else if (c < 0x20) {
      put_text(s, "\\u00");
      put(s, hex[c >> 4]);
      put(s, hex[c & 15]);
    } else if (c < 0x80) {
      put(s, (char)c);
    } else if (c < 0x800) {
      put(s, (char)(0xC0 | (c >> 6)));
      put(s, (char)(0x80 | (c & 0x3F)));
    } else {
      put(s, (char)(0xE0 | (c >> 12)));
      put(s, (char)(0x80 | ((c >> 6) & 0x3F)));
      put(s, (char)(0x80 | (c & 0x3F)));
    }
  }
  put(s, '"');
}

size_t hook_encode(const uint16_t *event, size_t event_length, const uint16_t *remote,
                   size_t remote_length, char *out, size_t capacity) {
  sink s = {out, capacity, 0, 0};
  put_text(&s, "{\"event\":");
  put_quoted(&s, event, event_length);
  put_text(&s, ",\"remote\":");
  put_quoted(&s, remote, remote_length);
  put_text(&s, "}\n");
  return s.overflow ? 0 : s.used;
}
