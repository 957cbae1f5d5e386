package dev.click2call.install;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.click2call.host.ExtensionIds;
import dev.click2call.platform.Os;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks one host manifest file the way the browsers read it; every problem in words. */
public final class ManifestInspector {
  private static final long MAX_MANIFEST_BYTES = 1024 * 1024;

  /** A readable manifest's launcher, or the reasons it cannot be used. */
  public record Inspection(Path launcher, List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final Os os;
  private final ExtensionIds ids;

  public ManifestInspector(Os os, ExtensionIds ids) {
    this.os = os;
    this.ids = ids;
  }

  @SuppressWarnings("unchecked")
  public Inspection inspect(Path manifestFile, BrowserFamily family) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> manifest;
    try {
      if (Files.size(manifestFile) > MAX_MANIFEST_BYTES) {
        return new Inspection(null, List.of("the manifest is larger than 1 MiB"));
      }
      Object parsed = JSON.std.anyFrom(Files.readString(manifestFile));
      if (!(parsed instanceof Map)) {
        return new Inspection(null, List.of("the manifest is not a JSON object"));
      }
      manifest = (Map<String, Object>) parsed;
    } catch (IOException | RuntimeException e) {
      String reason =
          e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      return new Inspection(null, List.of("the manifest is not valid JSON: " + reason));
    }
    if (!HostManifest.name().equals(manifest.get("name"))) {
      problems.add(
          "\"name\" is " + quote(manifest.get("name")) + ", not \"" + HostManifest.name() + "\"");
    }
    if (!"stdio".equals(manifest.get("type"))) {
      problems.add("\"type\" is " + quote(manifest.get("type")) + ", not \"stdio\"");
    }
    Path launcher = null;
    if (!(manifest.get("path") instanceof String path) || path.isBlank()) {
      problems.add("\"path\" is missing");
    } else {
      Path candidate = Path.of(path);
      if (!candidate.isAbsolute()) {
        if (os == Os.WINDOWS) {
          candidate = manifestFile.toAbsolutePath().getParent().resolve(candidate);
        } else {
          problems.add("\"path\" is relative (" + path + "); browsers need an absolute path here");
          candidate = null;
        }
      }
      if (candidate != null) {
        launcher = candidate;
        if (!Files.isRegularFile(candidate)) {
          problems.add("the launcher " + candidate + " does not exist");
        } else if (os != Os.WINDOWS && !Files.isExecutable(candidate)) {
          problems.add("the launcher " + candidate + " is not executable");
        }
      }
    }
    String key = HostManifest.allowedKey(family);
    List<String> expected = family == BrowserFamily.CHROMIUM ? ids.chromiumOrigins() : ids.gecko();
    if (!(manifest.get(key) instanceof List<?> allowed)) {
      problems.add("\"" + key + "\" is missing (this looks like a manifest for the other family)");
    } else {
      List<String> missing = expected.stream().filter(id -> !allowed.contains(id)).toList();
      if (!missing.isEmpty()) {
        problems.add("\"" + key + "\" lacks this project's " + String.join(", ", missing));
      }
    }
    return new Inspection(launcher, problems);
  }

  private static String quote(Object value) {
    return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }
}
