/* Sends one hook line to every host endpoint in a folder (<runtimeDir>/hosts/<pid>.sock), like
 * dev.click2call.ipc.HookSender: AF_UNIX stream sockets, one line per connection, and an endpoint
 * nobody listens on (connection refused) is removed. The same code is built for Windows (Winsock,
 * afunix.h, Windows 10 1803+) and natively for Linux, where the tests run it against the Java
 * listener. */
#ifndef CLICK2CALL_HOOK_TRANSPORT_H
#define CLICK2CALL_HOOK_TRANSPORT_H

#include <stddef.h>

#ifdef _WIN32
#include <wchar.h>
typedef wchar_t path_char;
#else
typedef char path_char;
#endif

/* How long one endpoint may take to accept and read the line before it is skipped: a stopped
 * host must never hold MicroSIP's UI thread. */
#define HOOK_ENDPOINT_TIMEOUT_MS 250

typedef struct {
  int delivered;     /* hosts that got the line */
  int stale_removed; /* endpoints removed: nobody listened */
  int failed;        /* endpoints kept: no AF_UNIX here, a timeout, a path too long */
} hook_result;

/* folder: the hosts folder, without a trailing separator. */
hook_result hook_send_all(const path_char *folder, const char *line, size_t length);

#endif
