/* Finds a Java 17+ runtime for the launcher, in this order:
 *   1. runtime\ beside the launcher (a bundled jlink image);
 *   2. the registry keys the runtime installers write, HKLM (64-bit view) then HKCU, vendor by
 *      vendor: Eclipse Temurin (and AdoptOpenJDK), Microsoft, Azul Zulu, then the JavaSoft keys
 *      that Amazon Corretto and Oracle write; within a vendor the highest version wins;
 *   3. JAVA_HOME.
 * A runtime counts when its bin\java.exe exists and its version (from the key name, or from the
 * release file of a folder) is 17 or later. */
#ifndef CLICK2CALL_JAVA_FIND_H
#define CLICK2CALL_JAVA_FIND_H

#include <stddef.h>
#include <wchar.h>

/* dir: the launcher's folder. On success writes java.exe's full path and a short name of the
 * rule that found it ("runtime", "registry:<vendor>", "JAVA_HOME") and returns 1. */
int java_find(const wchar_t *dir, wchar_t *java, size_t capacity, const wchar_t **rule);

/* The feature version of a version text: "17.0.9.9" → 17, "1.8.0_392" → 8, "zulu-21" → 21,
 * "1.19" → 19; 0 when there is none. */
int java_feature_version(const wchar_t *text);

#endif
