package dev.click2call.host;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The project's own extension ids, read from {@code host-manifest/extension-ids.json} (bundled into
 * the jar): the one place they are written down.
 */
public record ExtensionIds(List<String> chromium, List<String> gecko) {
  private static final String RESOURCE = "/dev/click2call/extension-ids.json";

  @SuppressWarnings("unchecked")
  public static ExtensionIds bundled() {
    try (InputStream in = ExtensionIds.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Map<String, Object> ids = JSON.std.mapFrom(in);
      return new ExtensionIds(
          List.copyOf((List<String>) ids.get("chromium")),
          List.copyOf((List<String>) ids.get("gecko")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Chromium origins for a host manifest's {@code allowed_origins}. */
  public List<String> chromiumOrigins() {
    return chromium.stream().map(id -> "chrome-extension://" + id + "/").toList();
  }
}
