package dev.click2call.install;

import java.nio.file.Path;

/** One place a browser looks for the host manifest. */
public sealed interface ManifestLocation {
  Scope scope();

  /** A human-readable form, e.g. {@code HKCU\SOFTWARE\...\click2call.host (64-bit view)}. */
  String describe();

  /** A folder holding {@code <host name>.json} (macOS, Linux). */
  record Folder(Path folder, Scope scope) implements ManifestLocation {
    public Path manifestFile() {
      return folder.resolve(HostManifest.fileName());
    }

    @Override
    public String describe() {
      return manifestFile().toString();
    }
  }

  /** A registry key whose default value is the manifest's absolute path (Windows). */
  record RegistryKey(RegistryHive hive, RegistryView view, String key, Scope scope)
      implements ManifestLocation {
    @Override
    public String describe() {
      return hive + "\\" + key + " (" + view.label() + ")";
    }
  }
}
