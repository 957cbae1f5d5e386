package dev.click2call.install;

/** The two Windows registry roots the browsers search. */
public enum RegistryHive {
  HKCU,
  HKLM
}
