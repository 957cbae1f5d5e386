package dev.click2call.softphone.microsip;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes, removes and reports the {@code cmd*} hooks in MicroSIP's {@code [Settings]}. MicroSIP
 * rewrites {@code [Settings]} from memory when it exits, so a running MicroSIP is stopped first
 * ({@code /exit}) and started again afterwards. A user's own hook commands are kept and chained.
 */
public final class HookInstaller {
  static final String SETTINGS = "Settings";

  /** The state of one hook key. */
  public enum HookState {
    INSTALLED,
    ABSENT,
    FOREIGN
  }

  private final MicroSipControl control;
  private final ChainedHooks chained;

  public HookInstaller(MicroSipControl control, ChainedHooks chained) {
    this.control = control;
    this.chained = chained;
  }

  /** Whether every hook key runs click2call. */
  public static boolean allInstalled(MicroSipIni ini) {
    return states(ini).values().stream().allMatch(state -> state == HookState.INSTALLED);
  }

  public static Map<HookKey, HookState> states(MicroSipIni ini) {
    Map<HookKey, HookState> states = new LinkedHashMap<>();
    for (HookKey key : HookKey.values()) {
      Optional<String> value =
          ini.get(SETTINGS, key.iniKey()).filter(v -> !HookValues.profileValue(v).isBlank());
      states.put(
          key,
          value.isEmpty()
              ? HookState.ABSENT
              : HookValues.isOurs(value.get(), key) ? HookState.INSTALLED : HookState.FOREIGN);
    }
    return states;
  }

  /**
   * @param launcher the {@code click2call} launcher MicroSIP will run
   * @return the user's hook commands now chained (ini key → command)
   */
  public Map<String, String> install(String launcher) throws IOException, InterruptedException {
    HookValues.valuesFor(launcher, Set.of()); // refuses an unusable launcher before MicroSIP stops
    return aroundStoppedMicroSip(
        ini -> {
          Map<String, String> keep = chained.read();
          for (HookKey key : HookKey.values()) {
            Optional<String> existing = ini.get(SETTINGS, key.iniKey());
            if (existing.isPresent()
                && !HookValues.profileValue(existing.get()).isBlank()
                && !HookValues.isOurs(existing.get(), key)) {
              keep.put(key.iniKey(), existing.get());
            }
          }
          Map<String, String> values = HookValues.valuesFor(launcher, keep.keySet());
          for (HookKey key : HookKey.values()) {
            ini.put(SETTINGS, key.iniKey(), values.get(key.iniKey()));
          }
          chained.write(keep);
          return keep;
        });
  }

  /** Puts the user's own commands back (or clears the keys). */
  public void remove() throws IOException, InterruptedException {
    aroundStoppedMicroSip(
        ini -> {
          Map<String, String> keep = chained.read();
          for (HookKey key : HookKey.values()) {
            Optional<String> existing = ini.get(SETTINGS, key.iniKey());
            if (existing.isPresent() && HookValues.isOurs(existing.get(), key)) {
              String previous = keep.get(key.iniKey());
              if (previous != null) {
                ini.put(SETTINGS, key.iniKey(), previous);
              } else {
                ini.remove(SETTINGS, key.iniKey());
              }
            }
          }
          chained.write(Map.of());
          return keep;
        });
  }

  private Map<String, String> aroundStoppedMicroSip(IniEditor.Edit<Map<String, String>> edit)
      throws IOException, InterruptedException {
    return new IniEditor(control).edit(edit);
  }
}
