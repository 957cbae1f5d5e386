package dev.click2call.softphone;

import dev.click2call.dialing.DialTarget;
import java.util.Optional;
import java.util.Set;

/** Stands in when no softphone is configured or found: every operation is unavailable. */
public final class NoSoftphone implements Softphone {
  private final String why;

  public NoSoftphone(String why) {
    this.why = why;
  }

  @Override
  public String kind() {
    return "none";
  }

  @Override
  public boolean available() {
    return false;
  }

  @Override
  public Set<Operation> capabilities() {
    return Set.of();
  }

  @Override
  public String dial(DialTarget target) throws SoftphoneException {
    throw unavailable();
  }

  @Override
  public void answer() throws SoftphoneException {
    throw unavailable();
  }

  @Override
  public void hangup() throws SoftphoneException {
    throw unavailable();
  }

  @Override
  public void decline() throws SoftphoneException {
    throw unavailable();
  }

  @Override
  public void hold() throws SoftphoneException {
    throw unavailable();
  }

  @Override
  public String transfer(DialTarget target) throws SoftphoneException {
    throw unavailable();
  }

  @Override
  public void dtmf(String digits) throws SoftphoneException {
    throw unavailable();
  }

  @Override
  public Readiness readiness() {
    return Readiness.notReady("no_softphone", why);
  }

  @Override
  public Optional<CallInfo> currentCall() {
    return Optional.empty();
  }

  @Override
  public void setListener(SoftphoneListener listener) {}

  @Override
  public void close() {}

  private SoftphoneException unavailable() {
    return new SoftphoneException(SoftphoneException.Reason.UNAVAILABLE, why);
  }
}
