package dev.click2call.platform;

import java.util.Optional;

/** Windows Installer products ({@code MsiEnumProducts}); none off Windows. */
public interface InstalledProducts {
  /**
   * The install folder of the first product with this name (case-insensitive): {@code
   * Optional.of("")} when the product exists without an {@code InstallLocation}, empty when no
   * product has the name.
   */
  Optional<String> installLocation(String productName);

  InstalledProducts NONE = name -> Optional.empty();
}
