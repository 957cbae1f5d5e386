package dev.click2call.install;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code install} puts one browser's registration: the manifest file, and on Windows the
 * registry key that points at it.
 */
public record InstallTarget(
    Browser browser, Scope scope, Path manifestFile, Optional<ManifestLocation.RegistryKey> key) {}
