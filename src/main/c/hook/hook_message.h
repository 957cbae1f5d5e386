/* The hook line, byte for byte what dev.click2call.ipc.HookSender.encode writes for
 * new HookMessage(event, remote): {"event":"<event>","remote":"<remote>"}\n in UTF-8. */
#ifndef CLICK2CALL_HOOK_MESSAGE_H
#define CLICK2CALL_HOOK_MESSAGE_H

#include <stddef.h>
#include <stdint.h>

/* HookMessage.MAX_REMOTE_CHARS: UTF-16 units kept of the remote party. */
#define HOOK_MAX_REMOTE_UNITS 64
/* Big enough for the longest line: 32 event chars and 64 remote units, all escaped. */
#define HOOK_MAX_LINE_BYTES 512

/* Whether the UTF-16 text is a well-formed event name: [a-z][a-z-]{0,31}. */
int hook_event_valid(const uint16_t *event, size_t length);

/* HookMessage.cleanRemote: drops control, surrogate and format characters, keeps at most
 * HOOK_MAX_REMOTE_UNITS units, then strips Java's whitespace at both ends. Returns the length
 * written to out (which holds HOOK_MAX_REMOTE_UNITS units). */
size_t hook_clean_remote(const uint16_t *remote, size_t length, uint16_t *out);

/* Encodes the line for a valid event and an already cleaned remote. Returns its length in
 * bytes, or 0 when it does not fit. */
size_t hook_encode(const uint16_t *event, size_t event_length, const uint16_t *remote,
                   size_t remote_length, char *out, size_t capacity);

#endif
