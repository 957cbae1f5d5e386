#include "hook_transport.h"

#include <string.h>

#ifdef _WIN32
#include <winsock2.h>
#include <windows.h>
#include <afunix.h>
typedef SOCKET socket_t;
#define BAD_SOCKET INVALID_SOCKET
#define close_socket closesocket
static int last_error(void) { return WSAGetLastError(); }
static int in_progress(int error) { return error == WSAEWOULDBLOCK || error == WSAEINPROGRESS; }
static int refused(int error) { return error == WSAECONNREFUSED; }
static int set_nonblocking(socket_t s) {
  u_long on = 1;
  return ioctlsocket(s, FIONBIO, &on) == 0;
}
#else
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
typedef int socket_t;
#define BAD_SOCKET (-1)
#define close_socket close
static int last_error(void) { return errno; }
static int in_progress(int error) { return error == EINPROGRESS || error == EAGAIN; }
static int refused(int error) { return error == ECONNREFUSED || error == ENOENT; }
static int set_nonblocking(socket_t s) {
  int flags = fcntl(s, F_GETFL, 0);
  return flags >= 0 && fcntl(s, F_SETFL, flags | O_NONBLOCK) == 0;
}
#endif

enum outcome { DELIVERED, STALE, FAILED };

/* Waits until the socket is writable; 1 when it is, 0 on timeout or error. */
static int wait_writable(socket_t s, int timeout_ms) {
  fd_set set;
  FD_ZERO(&set);
  FD_SET(s, &set);
  struct timeval tv = {timeout_ms / 1000, (timeout_ms % 1000) * 1000};
  return select((int)s + 1, NULL, &set, NULL, &tv) == 1;
}

/* One endpoint, named by its UTF-8 path (the bytes Java binds: UTF-8 on Windows and Linux). */
static enum outcome send_one(const char *path, const char *line, size_t length) {
  struct sockaddr_un address;
  memset(&address, 0, sizeof address);
  address.sun_family = AF_UNIX;
  size_t path_length = strlen(path);
  if (path_length >= sizeof address.sun_path) {
    return FAILED;
  }
  memcpy(address.sun_path, path, path_length);
  socket_t s = socket(AF_UNIX, SOCK_STREAM, 0);
  if (s == BAD_SOCKET) {
    return FAILED; /* no AF_UNIX (Windows before 1803, Wine): the endpoint may be fine */
  }
  enum outcome result = FAILED;
  if (!set_nonblocking(s)) {
    close_socket(s);
    return FAILED;
  }
  if (connect(s, (struct sockaddr *)&address, (int)sizeof address) != 0) {
    int error = last_error();
    if (refused(error)) {
      close_socket(s);
      return STALE;
    }
    if (!in_progress(error) || !wait_writable(s, HOOK_ENDPOINT_TIMEOUT_MS)) {
      close_socket(s);
      return FAILED;
    }
    int so_error = 0;
#ifdef _WIN32
    int so_length = (int)sizeof so_error;
    getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&so_error, &so_length);
#else
    socklen_t so_length = sizeof so_error;
    getsockopt(s, SOL_SOCKET, SO_ERROR, &so_error, &so_length);
#endif
    if (so_error != 0) {
      close_socket(s);
      return refused(so_error) ? STALE : FAILED;
    }
  }
  size_t sent = 0;
  while (sent < length) {
    int n = (int)send(s, line + sent, (int)(length - sent), 0);
    if (n > 0) {
      sent += (size_t)n;
    } else if (!in_progress(last_error()) || !wait_writable(s, HOOK_ENDPOINT_TIMEOUT_MS)) {
      break;
    }
  }
  if (sent == length) {
    result = DELIVERED;
  }
  close_socket(s);
  return result;
}

static void count(hook_result *result, enum outcome outcome) {
  if (outcome == DELIVERED) {
    result->delivered++;
  } else if (outcome == STALE) {
    result->stale_removed++;
  } else {
    result->failed++;
  }
}

#ifdef _WIN32

hook_result hook_send_all(const wchar_t *folder, const char *line, size_t length) {
  hook_result result = {0, 0, 0};
  wchar_t pattern[MAX_PATH];
  if (_snwprintf(pattern, MAX_PATH, L"%ls\\*.sock", folder) < 0) {
    return result;
  }
  pattern[MAX_PATH - 1] = 0;
  WIN32_FIND_DATAW found;
  HANDLE search = FindFirstFileW(pattern, &found);
  if (search == INVALID_HANDLE_VALUE) {
    return result;
  }
  WSADATA wsa;
  if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) {
    FindClose(search);
    return result;
  }
  do {
    if (found.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) {
      continue;
    }
    wchar_t wide[MAX_PATH];
    char utf8[MAX_PATH * 3];
    if (_snwprintf(wide, MAX_PATH, L"%ls\\%ls", folder, found.cFileName) < 0) {
      continue;
    }
    wide[MAX_PATH - 1] = 0;
    if (WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, wide, -1, utf8, sizeof utf8, NULL,
                            NULL) <= 0) {
      continue;
    }
    enum outcome outcome = send_one(utf8, line, length);
    if (outcome == STALE) {
      DeleteFileW(wide);
    }
    count(&result, outcome);
  } while (FindNextFileW(search, &found));
  FindClose(search);
  WSACleanup();
  return result;
}

#else

hook_result hook_send_all(const char *folder, const char *line, size_t length) {
  hook_result result = {0, 0, 0};
  DIR *dir = opendir(folder);
  if (dir == NULL) {
    return result;
  }
  struct dirent *entry;
  while ((entry = readdir(dir)) != NULL) {
    size_t name_length = strlen(entry->d_name);
    if (name_length <= 5 || strcmp(entry->d_name + name_length - 5, ".sock") != 0) {
      continue;
    }
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s", folder, entry->d_name) >= (int)sizeof path) {
      continue;
    }
    enum outcome outcome = send_one(path, line, length);
    if (outcome == STALE) {
      unlink(path);
    }
    count(&result, outcome);
  }
  closedir(dir);
  return result;
}

#endif
