package dev.click2call.install.doctor;

import java.util.List;

/**
 * The findings about one subject (a browser, the softphone).
 *
 * @param id a stable machine name ({@code chrome}, {@code softphone:microsip})
 * @param verdict one sentence: works, not installed, or what is wrong
 */
public record Section(String id, String title, String verdict, List<Finding> findings) {
  public boolean failed() {
    return findings.stream().anyMatch(f -> f.status() == Finding.Status.FAIL);
  }

  public boolean fixable() {
    return findings.stream().anyMatch(Finding::fixable);
  }
}
