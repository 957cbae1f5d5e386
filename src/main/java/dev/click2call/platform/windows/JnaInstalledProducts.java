package dev.click2call.platform.windows;

import com.sun.jna.ptr.IntByReference;
import dev.click2call.platform.InstalledProducts;
import java.util.Optional;

/** {@code MsiEnumProducts} + {@code MsiGetProductInfo}, as MicroSIP itself looks for its MSI. */
public final class JnaInstalledProducts implements InstalledProducts {
  private static final int ERROR_SUCCESS = 0;
  private static final int MAX_PRODUCTS = 10_000;

  @Override
  public Optional<String> installLocation(String productName) {
    try {
      char[] code = new char[39];
      for (int i = 0; i < MAX_PRODUCTS; i++) {
        if (MsiCalls.INSTANCE.MsiEnumProducts(i, code) != ERROR_SUCCESS) {
          return Optional.empty();
        }
        String product = new String(code, 0, 38);
        Optional<String> name = info(product, "InstalledProductName");
        if (name.isPresent() && name.get().equalsIgnoreCase(productName)) {
          return Optional.of(info(product, "InstallLocation").orElse(""));
        }
      }
      return Optional.empty();
    } catch (RuntimeException | LinkageError e) {
      return Optional.empty(); // msi.dll unusable: no MSI install to find
    }
  }

  private static Optional<String> info(String product, String property) {
    char[] value = new char[256];
    IntByReference length = new IntByReference(value.length);
    int status = MsiCalls.INSTANCE.MsiGetProductInfo(product, property, value, length);
    return status == ERROR_SUCCESS
        ? Optional.of(new String(value, 0, Math.min(length.getValue(), value.length)))
        : Optional.empty();
  }
}
