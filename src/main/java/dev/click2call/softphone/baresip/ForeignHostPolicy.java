package dev.click2call.softphone.baresip;

import dev.click2call.dialing.DialTarget;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the account's SIP password away from servers the user did not configure. baresip answers
 * any 401/407 challenge with the account's digest credentials, so a click on {@code
 * sip:x@attacker.example} would hand a crackable digest to that host. With an account that has a
 * password ({@code auth_pass}), a SIP target is dialed only when its host is the account's domain,
 * {@code baresip.domain} or one of the account's outbound proxies; any other host needs the user's
 * confirmation ({@code foreign_host}).
 */
final class ForeignHostPolicy {
  private static final Pattern AOR_HOST = Pattern.compile("^<sips?:(?:[^@<>\\s]+@)?([^>;:\\s]+)");
  private static final Pattern OUTBOUND =
      Pattern.compile("(?i);outbound\\d?=\"?<?sips?:(?:[^@\"<>;\\s]+@)?([^\">;:\\s]+)");
  private static final Pattern SIP_HOST =
      Pattern.compile("^sips?:(?:[^@]*@)?(\\[[^\\]]*\\]|[^:;>]+)");

  private final Set<String> allowed;

  private ForeignHostPolicy(Set<String> allowed) {
    this.allowed = allowed;
  }

  /** The policy for these settings; it allows everything when there is no password to leak. */
  static ForeignHostPolicy of(BaresipSettings settings) {
    String account = settings.account();
    if (account == null || !account.toLowerCase(Locale.ROOT).contains("auth_pass=")) {
      return new ForeignHostPolicy(null);
    }
    Set<String> hosts = new LinkedHashSet<>();
    Matcher aor = AOR_HOST.matcher(account);
    if (aor.find()) {
      hosts.add(aor.group(1).toLowerCase(Locale.ROOT));
    }
    Matcher outbound = OUTBOUND.matcher(account);
    while (outbound.find()) {
      hosts.add(outbound.group(1).toLowerCase(Locale.ROOT));
    }
    if (settings.domain() != null) {
      hosts.add(hostOf("sip:x@" + settings.domain()));
    }
    return new ForeignHostPolicy(hosts);
  }

  /** The host a SIP target would be sent to, if it is not one the account's password is for. */
  String foreignHost(DialTarget target) {
    if (allowed == null || target.kind() != DialTarget.Kind.SIP) {
      return null;
    }
    String host = hostOf(target.value());
    return host == null || allowed.contains(host) ? null : host;
  }

  Set<String> allowedHosts() {
    return allowed == null ? Set.of() : allowed;
  }

  static String hostOf(String uri) {
    Matcher host = SIP_HOST.matcher(uri);
    return host.find() ? host.group(1).toLowerCase(Locale.ROOT) : null;
  }
}
