package dev.click2call.install;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.click2call.host.ExtensionIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The native-messaging host manifest: the fixed part comes from {@code
 * host-manifest/templates/<family>.json}, the launcher path and the extension ids are filled in.
 */
public final class HostManifest {
  private static final String TEMPLATES = "/dev/click2call/templates/";
  private static final String NAME = (String) template(BrowserFamily.CHROMIUM).get("name");

  private HostManifest() {}

  /** The host name the extension passes to {@code connectNative}. */
  public static String name() {
    return NAME;
  }

  /** The manifest's file name on macOS and Linux, where it must be {@code <name>.json}. */
  public static String fileName() {
    return NAME + ".json";
  }

  /** On Windows the registry points at the file, so one file per family can serve all. */
  public static String windowsFileName(BrowserFamily family) {
    return NAME + "." + family.id() + ".json";
  }

  /** The manifest text for a family with the given launcher and the project's extension ids. */
  public static String render(BrowserFamily family, String launcherPath, ExtensionIds ids) {
    Map<String, Object> manifest = template(family);
    manifest.put("path", launcherPath);
    if (family == BrowserFamily.CHROMIUM) {
      manifest.put("allowed_origins", ids.chromiumOrigins());
    } else {
      manifest.put("allowed_extensions", ids.gecko());
    }
    try {
      return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(manifest) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The key listing the allowed callers: {@code allowed_origins} or {@code allowed_extensions}. */
  public static String allowedKey(BrowserFamily family) {
    return family == BrowserFamily.CHROMIUM ? "allowed_origins" : "allowed_extensions";
  }

  private static Map<String, Object> template(BrowserFamily family) {
    String resource = TEMPLATES + family.id() + ".json";
    try (InputStream in = HostManifest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new LinkedHashMap<>(JSON.std.mapFrom(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
