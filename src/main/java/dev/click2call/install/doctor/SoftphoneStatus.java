package dev.click2call.install.doctor;

import java.util.List;

/**
 * A softphone adapter's answer to {@link SoftphoneCheck}.
 *
 * @param name e.g. {@code MicroSIP}
 * @param found whether the softphone is installed (and usable) on this computer
 * @param location where it was found (program path), or null
 * @param configFile its configuration file (MicroSIP's ini), or null
 * @param hooksInstalled whether the call-event hooks point at Click2Call; null when the softphone
 *     has no hooks
 * @param problem what is wrong, or null
 * @param fix what to do about {@code problem}, or null
 * @param notes further findings of the adapter (its version, what works here), in order
 */
public record SoftphoneStatus(
    String name,
    boolean found,
    String location,
    String configFile,
    Boolean hooksInstalled,
    String problem,
    String fix,
    List<Finding> notes) {
  public SoftphoneStatus {
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  public SoftphoneStatus(
      String name,
      boolean found,
      String location,
      String configFile,
      Boolean hooksInstalled,
      String problem,
      String fix) {
    this(name, found, location, configFile, hooksInstalled, problem, fix, List.of());
  }

  /** The same status with more findings. */
  public SoftphoneStatus withNotes(List<Finding> more) {
    List<Finding> all = new java.util.ArrayList<>(notes);
    all.addAll(more);
    return new SoftphoneStatus(
        name, found, location, configFile, hooksInstalled, problem, fix, all);
  }
}
