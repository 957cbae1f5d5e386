#include "java_find.h"

#include <string.h>
#include <windows.h>

#define MIN_FEATURE 17

/* The digit groups of a version text, at most 6: "17.0.9.9" → 17 0 9 9. */
static int numbers(const wchar_t *text, int *out, int max) {
  int count = 0;
  while (*text && count < max) {
    if (*text >= L'0' && *text <= L'9') {
      int value = 0;
      while (*text >= L'0' && *text <= L'9') {
        value = value * 10 + (*text - L'0');
        if (value > 100000) {
          value = 100000;
        }
        text++;
      }
      out[count++] = value;
    } else {
      text++;
    }
  }
  return count;
}

int java_feature_version(const wchar_t *text) {
  int n[6];
  int count = numbers(text, n, 6);
  if (count == 0) {
    return 0;
  }
  /* "1.8.0_392", "1.19": the old scheme puts the feature second. */
  return (n[0] == 1 && count > 1) ? n[1] : n[0];
}

/* > 0 when version a is newer than b. */
static int compare_versions(const wchar_t *a, const wchar_t *b) {
  int fa = java_feature_version(a);
  int fb = java_feature_version(b);
  if (fa != fb) {
    return fa - fb;
  }
  int na[6];
  int nb[6];
  int ca = numbers(a, na, 6);
  int cb = numbers(b, nb, 6);
  for (int i = 0; i < ca && i < cb; i++) {
    if (na[i] != nb[i]) {
      return na[i] - nb[i];
    }
  }
  return ca - cb;
}

/* <home>\bin\java.exe into java when it is a file. */
static int java_in(const wchar_t *home, wchar_t *java, size_t capacity) {
  size_t length = wcslen(home);
  while (length > 0 && (home[length - 1] == L'\\' || home[length - 1] == L'/')) {
    length--;
  }
  if (length == 0 || _snwprintf(java, capacity, L"%.*ls\\bin\\java.exe", (int)length, home) < 0) {
    return 0;
  }
  java[capacity - 1] = 0;
  DWORD attributes = GetFileAttributesW(java);
  return attributes != INVALID_FILE_ATTRIBUTES && !(attributes & FILE_ATTRIBUTE_DIRECTORY);
}

/* The feature version in <home>\release (JAVA_VERSION="..."); -1 when the file has none. */
static int release_feature(const wchar_t *home) {
  wchar_t path[MAX_PATH];
  if (_snwprintf(path, MAX_PATH, L"%ls\\release", home) < 0) {
    return -1;
  }
  path[MAX_PATH - 1] = 0;
  HANDLE file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                            FILE_ATTRIBUTE_NORMAL, NULL);
  if (file == INVALID_HANDLE_VALUE) {
    return -1;
  }
  char text[4096];
  DWORD read = 0;
  BOOL ok = ReadFile(file, text, sizeof text - 1, &read, NULL);
  CloseHandle(file);
  if (!ok) {
    return -1;
  }
  text[read] = 0;
  const char *found = strstr(text, "JAVA_VERSION=\"");
  if (found == NULL) {
    return -1;
  }
  wchar_t version[32];
  int i = 0;
  for (found += 14; *found && *found != '"' && i < 31; found++) {
    version[i++] = (wchar_t)(unsigned char)*found;
  }
  version[i] = 0;
  return java_feature_version(version);
}

/* A folder runtime (runtime\ or JAVA_HOME): java.exe present, release not older than 17. */
static int folder_runtime(const wchar_t *home, wchar_t *java, size_t capacity) {
  if (!java_in(home, java, capacity)) {
    return 0;
  }
  int feature = release_feature(home);
  return feature < 0 || feature >= MIN_FEATURE;
}

typedef struct {
  const wchar_t *vendor;
  const wchar_t *key;      /* one subkey per installed version below it */
  const wchar_t *below;    /* path from the version subkey to the value's key */
  const wchar_t *value;    /* the value that holds the runtime's folder */
} registry_source;

/* Vendors in the order they are tried; entries of one vendor are consecutive. */
static const registry_source SOURCES[] = {
    {L"Temurin", L"SOFTWARE\\Eclipse Adoptium\\JRE", L"\\hotspot\\MSI", L"Path"},
    {L"Temurin", L"SOFTWARE\\Eclipse Adoptium\\JDK", L"\\hotspot\\MSI", L"Path"},
    {L"Temurin", L"SOFTWARE\\AdoptOpenJDK\\JRE", L"\\hotspot\\MSI", L"Path"},
    {L"Temurin", L"SOFTWARE\\AdoptOpenJDK\\JDK", L"\\hotspot\\MSI", L"Path"},
    {L"Microsoft", L"SOFTWARE\\Microsoft\\JDK", L"\\hotspot\\MSI", L"Path"},
    {L"Zulu", L"SOFTWARE\\Azul Systems\\Zulu", L"", L"InstallationPath"},
    {L"JavaSoft", L"SOFTWARE\\JavaSoft\\JDK", L"", L"JavaHome"},
    {L"JavaSoft", L"SOFTWARE\\JavaSoft\\JRE", L"", L"JavaHome"},
};

static const wchar_t *RULES[] = {L"registry:Temurin", L"registry:Microsoft", L"registry:Zulu",
                                 L"registry:JavaSoft"};

typedef struct {
  wchar_t version[256];
  wchar_t java[MAX_PATH];
} candidate;

/* Looks at every version subkey of one source in one hive and keeps the best in best. */
static void scan(HKEY hive, REGSAM view, const registry_source *source, candidate *best,
                 int *found) {
  HKEY key;
  if (RegOpenKeyExW(hive, source->key, 0, KEY_READ | view, &key) != ERROR_SUCCESS) {
    return;
  }
  for (DWORD index = 0;; index++) {
    wchar_t name[256];
    DWORD name_length = 256;
    LONG status = RegEnumKeyExW(key, index, name, &name_length, NULL, NULL, NULL, NULL);
    if (status == ERROR_NO_MORE_ITEMS) {
      break;
    }
    if (status != ERROR_SUCCESS || java_feature_version(name) < MIN_FEATURE) {
      continue;
    }
    wchar_t subkey[512];
    if (_snwprintf(subkey, 512, L"%ls%ls", name, source->below) < 0) {
      continue;
    }
    subkey[511] = 0;
    wchar_t home[MAX_PATH];
    DWORD size = sizeof home;
    if (RegGetValueW(key, subkey, source->value, RRF_RT_REG_SZ,
                     NULL, home, &size) != ERROR_SUCCESS) {
      continue;
    }
    wchar_t java[MAX_PATH];
    if (!java_in(home, java, MAX_PATH)) {
      continue;
    }
    if (!*found || compare_versions(name, best->version) > 0) {
      wcsncpy(best->version, name, 255);
      best->version[255] = 0;
      wcsncpy(best->java, java, MAX_PATH - 1);
      best->java[MAX_PATH - 1] = 0;
      *found = 1;
    }
  }
  RegCloseKey(key);
}

static int from_registry(wchar_t *java, size_t capacity, const wchar_t **rule) {
  size_t count = sizeof SOURCES / sizeof SOURCES[0];
  int vendor_index = 0;
  for (size_t i = 0; i < count;) {
    candidate best;
    int found = 0;
    size_t j = i;
    for (; j < count && wcscmp(SOURCES[j].vendor, SOURCES[i].vendor) == 0; j++) {
      scan(HKEY_LOCAL_MACHINE, KEY_WOW64_64KEY, &SOURCES[j], &best, &found);
      scan(HKEY_CURRENT_USER, 0, &SOURCES[j], &best, &found);
    }
    if (found) {
      wcsncpy(java, best.java, capacity - 1);
      java[capacity - 1] = 0;
      *rule = RULES[vendor_index];
      return 1;
    }
    i = j;
    vendor_index++;
  }
  return 0;
}

int java_find(const wchar_t *dir, wchar_t *java, size_t capacity, const wchar_t **rule) {
  wchar_t home[MAX_PATH];
  if (_snwprintf(home, MAX_PATH, L"%ls\\runtime", dir) > 0) {
    home[MAX_PATH - 1] = 0;
    if (folder_runtime(home, java, capacity)) {
      *rule = L"runtime";
      return 1;
    }
  }
  if (from_registry(java, capacity, rule)) {
    return 1;
  }
  DWORD n = GetEnvironmentVariableW(L"JAVA_HOME", home, MAX_PATH);
  if (n > 0 && n < MAX_PATH && folder_runtime(home, java, capacity)) {
    *rule = L"JAVA_HOME";
    return 1;
  }
  return 0;
}
