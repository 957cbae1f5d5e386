/* The hook program's Linux build, made only for the tests: the message and transport code of
 * click2call-hook.exe, run against the Java HookListener (Wine has no AF_UNIX). Arguments are
 * UTF-8 (the tests pass valid UTF-8 only); the hosts folder is $CLICK2CALL_RUNTIME_DIR/hosts.
 * Prints the outcome on stdout for the tests; always exits 0, like the Windows program. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hook_message.h"
#include "hook_transport.h"

#define MAX_JOINED 1024

/* UTF-8 → UTF-16 (as Java decodes arguments); appends to out, returns the new length. */
static size_t append_utf16(const unsigned char *text, uint16_t *out, size_t used) {
  while (*text && used < MAX_JOINED) {
    uint32_t c = *text++;
    int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (more > 0) {
      c &= 0x3F >> more;
    }
    for (int i = 0; i < more && (*text & 0xC0) == 0x80; i++) {
      c = (c << 6) | (*text++ & 0x3F);
    }
    if (c >= 0x10000 && used + 1 < MAX_JOINED) {
      c -= 0x10000;
      out[used++] = (uint16_t)(0xD800 | (c >> 10));
      out[used++] = (uint16_t)(0xDC00 | (c & 0x3FF));
    } else if (c < 0x10000) {
      out[used++] = (uint16_t)c;
    }
  }
  return used;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    return 0;
  }
  uint16_t event[64];
  size_t event_length = strlen(argv[1]) < 64 ? append_utf16((unsigned char *)argv[1], event, 0) : 0;
  if (!hook_event_valid(event, event_length)) {
    puts("invalid event");
    return 0;
  }
  uint16_t joined[MAX_JOINED];
  size_t joined_length = 0;
  for (int i = 2; i < argc; i++) {
    if (i > 2 && joined_length < MAX_JOINED) {
      joined[joined_length++] = ' ';
    }
    joined_length = append_utf16((unsigned char *)argv[i], joined, joined_length);
  }
  uint16_t remote[HOOK_MAX_REMOTE_UNITS];
  size_t remote_length = hook_clean_remote(joined, joined_length, remote);
  char line[HOOK_MAX_LINE_BYTES];
  size_t length = hook_encode(event, event_length, remote, remote_length, line, sizeof line);
  const char *runtime = getenv("CLICK2CALL_RUNTIME_DIR");
  char folder[4096];
  if (length == 0 || runtime == NULL ||
      snprintf(folder, sizeof folder, "%s/hosts", runtime) >= (int)sizeof folder) {
    return 0;
  }
  hook_result result = hook_send_all(folder, line, length);
  printf("delivered=%d stale=%d failed=%d\n", result.delivered, result.stale_removed,
         result.failed);
  return 0;
}
