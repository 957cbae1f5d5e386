package dev.click2call.softphone.microsip;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A SIP account to provision, in the seed's terms ({@code Server}, {@code Port}, {@code Domain},
 * {@code Username}, {@code AuthID}, {@code Password}, {@code DisplayName}, {@code Proxy}).
 */
public record AccountSpec(
    String server,
    Integer port,
    String domain,
    String username,
    String authId,
    String password,
    String displayName,
    String proxy,
    String transport) {

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]{1,253}");
  private static final int MAX_TEXT = 128;

  /** Refuses anything MicroSIP's ini cannot hold safely. */
  public void validate() {
    require(username, "Username");
    require(domain != null ? domain : server, "Domain or Server");
    host(server, "Server");
    host(domain, "Domain");
    host(proxy, "Proxy");
    if (port != null && (port < 1 || port > 65535)) {
      throw new IllegalArgumentException("Port must be from 1 to 65535");
    }
    if (transport != null && !transport.matches("udp|tcp|tls")) {
      throw new IllegalArgumentException("transport must be udp, tcp or tls");
    }
    for (Map.Entry<String, String> field :
        Map.of(
                "Username", nz(username),
                "AuthID", nz(authId),
                "Password", nz(password),
                "DisplayName", nz(displayName))
            .entrySet()) {
      text(field.getValue(), field.getKey());
    }
  }

  /** The keys of {@code [AccountN]} as MicroSIP spells them; the port is folded into server. */
  public Map<String, String> microSipKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    String host = server == null ? "" : server;
    keys.put("label", displayName != null && !displayName.isEmpty() ? displayName : nz(username));
    keys.put("server", host.isEmpty() || port == null ? host : host + ":" + port);
    keys.put("proxy", nz(proxy));
    keys.put("domain", domain != null && !domain.isEmpty() ? domain : host);
    keys.put("username", nz(username));
    keys.put("authID", nz(authId));
    keys.put("displayName", nz(displayName));
    if (password != null) {
      keys.put("password", password); // plaintext: MicroSIP encrypts it on its next start
    }
    if (transport != null) {
      keys.put("transport", transport);
    }
    return keys;
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  private static void host(String value, String name) {
    if (value != null && !value.isEmpty() && !HOST.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " is not a host name or address");
    }
  }

  private static void text(String value, String name) {
    if (value.length() > MAX_TEXT) {
      throw new IllegalArgumentException(name + " is longer than " + MAX_TEXT + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(name + " contains a control character");
      }
    }
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
