package dev.click2call.install;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.click2call.host.ExtensionIds;
import dev.click2call.host.OrganisationIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The install side of the organisation's extension ids: parses {@code --extension-id} values and
 * writes {@code allowed-extensions.json} beside the jar, which the host reads at start (see {@link
 * OrganisationIds}).
 */
public final class OrganisationIdsFile {
  private static final String ORIGIN_PREFIX = "chrome-extension://";

  private OrganisationIdsFile() {}

  /**
   * Sorts ids into families: a Chromium id (32 letters a–p, bare or as {@code
   * chrome-extension://<id>/}) or a Gecko add-on id ({@code name@domain}, {@code {GUID}}).
   *
   * @throws InstallException for anything else
   */
  public static ExtensionIds parse(List<String> values) {
    List<String> chromium = new ArrayList<>();
    List<String> gecko = new ArrayList<>();
    for (String raw : values) {
      String value = raw.trim();
      if (value.isEmpty()) {
        continue;
      }
      String id = value;
      if (id.toLowerCase(Locale.ROOT).startsWith(ORIGIN_PREFIX)) {
        id = id.substring(ORIGIN_PREFIX.length());
        id = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        if (!OrganisationIds.isChromiumId(id)) {
          throw new InstallException(
              "--extension-id " + raw + ": a Chromium origin needs a 32-letter id (a to p)");
        }
      }
      if (OrganisationIds.isChromiumId(id)) {
        chromium.add(id);
      } else if (OrganisationIds.isGeckoId(id)) {
        gecko.add(id);
      } else {
        throw new InstallException(
            "--extension-id "
                + raw
                + ": neither a Chromium extension id (32 letters a to p, or"
                + " chrome-extension://<id>/) nor a Firefox add-on id (name@domain or {GUID})");
      }
    }
    return new ExtensionIds(
        chromium.stream().distinct().toList(), gecko.stream().distinct().toList());
  }

  /** The file's text: {@code {"chromium": [...], "gecko": [...]}}. */
  public static String render(ExtensionIds ids) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("chromium", ids.chromium());
    json.put("gecko", ids.gecko());
    try {
      return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(json) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The step that writes the ids beside the jar. */
  public static Step write(Path file, ExtensionIds ids) {
    return new Step.WriteFile(file, render(ids), false, "organisation extension ids");
  }
}
