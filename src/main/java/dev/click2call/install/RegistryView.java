package dev.click2call.install;

/**
 * Which view of the registry a 64-bit Windows shows: {@code KEY_WOW64_32KEY} ({@code WOW6432Node})
 * or {@code KEY_WOW64_64KEY}. Browsers search both, in an order of their own.
 */
public enum RegistryView {
  BITS_32,
  BITS_64;

  public String label() {
    return this == BITS_32 ? "32-bit view" : "64-bit view";
  }
}
