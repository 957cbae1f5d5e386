package dev.click2call.install;

/** Whether a registration serves one user or every user of the computer. */
public enum Scope {
  USER,
  SYSTEM;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
