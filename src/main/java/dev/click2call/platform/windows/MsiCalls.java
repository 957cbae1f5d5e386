package dev.click2call.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/** The two msi.dll calls MicroSIP uses to find its MSI install (not in jna-platform's Msi). */
interface MsiCalls extends StdCallLibrary {
  MsiCalls INSTANCE = Native.load("msi", MsiCalls.class, W32APIOptions.DEFAULT_OPTIONS);

  int MsiEnumProducts(int index, char[] productCode);

  int MsiGetProductInfo(String product, String property, char[] value, IntByReference length);
}
