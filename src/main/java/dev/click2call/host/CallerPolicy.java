package dev.click2call.host;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which extensions may drive the host: the project's own ids plus those the settings add. The
 * browsers enforce their manifests' allowlists too; this is defence in depth against a user-level
 * manifest that points another extension at our program.
 */
public final class CallerPolicy {
  private final Set<String> chromium;
  private final Set<String> gecko;

  public CallerPolicy(ExtensionIds own, List<String> extraChromium, List<String> extraGecko) {
    this.chromium = new LinkedHashSet<>(own.chromium());
    this.chromium.addAll(extraChromium);
    this.gecko = new LinkedHashSet<>(own.gecko());
    this.gecko.addAll(extraGecko);
  }

  public boolean allows(Caller caller) {
    if (caller == null) {
      return false;
    }
    return switch (caller.family()) {
      case CHROMIUM -> chromium.contains(caller.extensionId());
      case GECKO -> gecko.contains(caller.extensionId());
      case LOCAL -> true;
    };
  }
}
