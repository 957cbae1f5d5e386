package dev.click2call.install.doctor;

import dev.click2call.host.ExtensionIds;
import dev.click2call.host.OrganisationIds;
import dev.click2call.install.Browser;
import dev.click2call.install.BrowserFamily;
import dev.click2call.install.ForceInstallPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which extensions the host lets in (the project's ids, the organisation's file beside the jar, the
 * settings' {@code allowedExtensions}), and whether the extension a browser policy force-installs
 * is one of them: a self-hosted build signed with the organisation's key has an id of its own,
 * which must be installed with {@code --extension-id}.
 */
public final class ExtensionIdCheck {
  public static final String SECTION_ID = "extension-ids";

  private final ExtensionIds bundled;
  private final Path organisationFile;
  private final OrganisationIds.Loaded organisation;
  private final ExtensionIds settingsIds;
  private final ForceInstallPolicy policy;

  public ExtensionIdCheck(
      ExtensionIds bundled,
      Path organisationFile,
      OrganisationIds.Loaded organisation,
      ExtensionIds settingsIds,
      ForceInstallPolicy policy) {
    this.bundled = bundled;
    this.organisationFile = organisationFile;
    this.organisation = organisation;
    this.settingsIds = settingsIds;
    this.policy = policy;
  }

  /** The ids from the organisation's file (none when it is absent or unusable). */
  public ExtensionIds organisationIds() {
    return organisation.ids();
  }

  /** Every id the host accepts. */
  public ExtensionIds allowed() {
    return bundled.plus(organisation.ids()).plus(settingsIds);
  }

  public Section check(List<Browser> browsers) {
    List<Finding> findings = new ArrayList<>();
    findings.add(Finding.info("the project's ids: " + describe(bundled)));
    if (organisation.problem() != null) {
      findings.add(
          Finding.fail(
              "the organisation's ids are not used: " + organisation.problem(),
              "correct the file, or rewrite it: click2call install --extension-id ID ..."));
    } else if (organisationFile == null) {
      findings.add(Finding.info("organisation ids: none (not running from the jar)"));
    } else if (organisation.ids().isEmpty()) {
      findings.add(Finding.info("organisation ids: none (" + organisationFile + " is absent)"));
    } else {
      findings.add(
          Finding.info(
              "organisation ids from " + organisationFile + ": " + describe(organisation.ids())));
    }
    if (!settingsIds.isEmpty()) {
      findings.add(
          Finding.info("added by the settings (allowedExtensions): " + describe(settingsIds)));
    }
    ExtensionIds allowed = allowed();
    for (Browser browser : browsers) {
      List<String> forced = policy.forceInstalled(browser);
      if (forced.isEmpty()) {
        continue;
      }
      List<String> family =
          browser.family() == BrowserFamily.CHROMIUM ? allowed.chromium() : allowed.gecko();
      List<String> ours = forced.stream().filter(family::contains).toList();
      if (!ours.isEmpty()) {
        findings.add(
            Finding.ok(
                browser.displayName()
                    + " policy force-installs "
                    + String.join(", ", ours)
                    + ", which the host allows"));
      } else {
        findings.add(
            Finding.warn(
                browser.displayName()
                    + " policy force-installs "
                    + String.join(", ", forced)
                    + ", none of which the host allows: if one is your Click2Call build, the"
                    + " browser will refuse it the host (\"Access to the specified native"
                    + " messaging host is forbidden.\")",
                "run as administrator: click2call install --scope system --extension-id "
                    + forced.get(0)
                    + " (or msiexec ... EXTENSION_IDS="
                    + forced.get(0)
                    + ")"));
      }
    }
    boolean warned = findings.stream().anyMatch(f -> f.status() == Finding.Status.WARN);
    boolean failed = findings.stream().anyMatch(f -> f.status() == Finding.Status.FAIL);
    String verdict =
        failed
            ? "the organisation's ids are not used"
            : warned ? "a force-installed extension is not allowed" : describe(allowed);
    return new Section(SECTION_ID, "Allowed extensions", verdict, findings);
  }

  private static String describe(ExtensionIds ids) {
    List<String> parts = new ArrayList<>();
    if (!ids.chromium().isEmpty()) {
      parts.add("Chromium " + String.join(", ", ids.chromium()));
    }
    if (!ids.gecko().isEmpty()) {
      parts.add("Firefox " + String.join(", ", ids.gecko()));
    }
    return parts.isEmpty() ? "none" : String.join("; ", parts);
  }
}
