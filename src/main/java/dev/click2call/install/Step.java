package dev.click2call.install;

import dev.click2call.install.ManifestLocation.RegistryKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * One change {@code install} or {@code uninstall} makes. Each step knows whether it is already
 * done, so running twice changes nothing and {@code --dry-run} can say what would change.
 */
public sealed interface Step {
  /** What the step does, for the user. */
  String describe();

  /** Whether the computer already looks as the step would leave it. */
  boolean done(RegistryAccess registry) throws IOException;

  void apply(RegistryAccess registry) throws IOException;

  /** Writes a file (parents created); an executable file gets mode 755 where that exists. */
  record WriteFile(Path file, String content, boolean executable, String purpose) implements Step {
    @Override
    public String describe() {
      return "write " + file + " (" + purpose + ")";
    }

    @Override
    public boolean done(RegistryAccess registry) throws IOException {
      return Files.isRegularFile(file)
          && Files.readString(file, StandardCharsets.UTF_8).equals(content)
          && (!executable || Files.isExecutable(file));
    }

    @Override
    public void apply(RegistryAccess registry) throws IOException {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      if (executable && Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      Files.move(
          temporary,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** Points a registry key's default value at a manifest. */
  record SetRegistryDefault(RegistryKey key, String value) implements Step {
    @Override
    public String describe() {
      return "set " + key.describe() + " = " + value;
    }

    @Override
    public boolean done(RegistryAccess registry) {
      return registry
          .readDefault(key.hive(), key.view(), key.key())
          .filter(value::equals)
          .isPresent();
    }

    @Override
    public void apply(RegistryAccess registry) throws IOException {
      registry.writeDefault(key.hive(), key.view(), key.key(), value);
    }
  }

  /** Deletes a file, and its folder when that is left empty. */
  record DeleteFile(Path file, String purpose) implements Step {
    @Override
    public String describe() {
      return "delete " + file + " (" + purpose + ")";
    }

    @Override
    public boolean done(RegistryAccess registry) {
      return !Files.exists(file);
    }

    @Override
    public void apply(RegistryAccess registry) throws IOException {
      Files.deleteIfExists(file);
      Path folder = file.toAbsolutePath().getParent();
      try (var entries = Files.list(folder)) {
        if (entries.findAny().isEmpty()) {
          Files.delete(folder);
        }
      }
    }
  }

  /** Deletes a registry key. */
  record DeleteRegistryKey(RegistryKey key) implements Step {
    @Override
    public String describe() {
      return "delete " + key.describe();
    }

    @Override
    public boolean done(RegistryAccess registry) {
      return !registry.keyExists(key.hive(), key.view(), key.key());
    }

    @Override
    public void apply(RegistryAccess registry) throws IOException {
      registry.deleteKey(key.hive(), key.view(), key.key());
    }
  }

  /** The text of a file, when it exists and is readable. */
  static Optional<String> read(Path file) {
    try {
      return Files.isRegularFile(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
