package dev.click2call.install.doctor;

/**
 * What {@code doctor} asks of a softphone adapter (MicroSIP, baresip): is it there, where is its
 * configuration, are the call-event hooks installed. Adapters implement it; the CLI wires them.
 */
public interface SoftphoneCheck {
  SoftphoneStatus check();
}
