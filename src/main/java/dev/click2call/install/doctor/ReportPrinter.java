package dev.click2call.install.doctor;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The doctor's report as readable text (✓/✗ lines, a Fix: per problem) or as JSON. */
public final class ReportPrinter {
  private ReportPrinter() {}

  public static void human(DoctorReport report, PrintWriter out) {
    human(report, out, true);
  }

  /**
   * @param unicode whether the output can show ✓/✗ (a cp437/850 console cannot: ASCII marks then)
   */
  public static void human(DoctorReport report, PrintWriter out, boolean unicode) {
    for (Section section : report.sections()) {
      out.println(
          (section.failed() ? (unicode ? "✗ " : "[X] ") : (unicode ? "✓ " : "[ok] "))
              + section.title()
              + (unicode ? " — " : " - ")
              + section.verdict());
      for (Finding finding : section.findings()) {
        String mark = mark(finding.status());
        out.println(
            "    " + (unicode ? mark : asciiMark(finding.status())) + " " + finding.message());
        if (finding.fix() != null && finding.status() != Finding.Status.OK) {
          out.println("      Fix: " + finding.fix());
        }
      }
    }
    out.println();
    out.println(
        report.ok()
            ? "Verdict: everything works."
            : "Verdict: "
                + report.problems()
                + (report.problems() == 1 ? " problem" : " problems")
                + " found; each has its fix above.");
    out.flush();
  }

  public static void json(DoctorReport report, PrintWriter out) {
    List<Object> sections = new ArrayList<>();
    for (Section section : report.sections()) {
      List<Object> findings = new ArrayList<>();
      for (Finding finding : section.findings()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("status", finding.status().name().toLowerCase(java.util.Locale.ROOT));
        item.put("message", finding.message());
        item.put("fix", finding.fix());
        item.put("fixable", finding.fixable());
        findings.add(item);
      }
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", section.id());
      item.put("title", section.title());
      item.put("ok", !section.failed());
      item.put("verdict", section.verdict());
      item.put("findings", findings);
      sections.add(item);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("ok", report.ok());
    root.put("problems", report.problems());
    root.put("sections", sections);
    try {
      out.println(
          JSON.std
              .with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES)
              .asString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  private static String asciiMark(Finding.Status status) {
    return switch (status) {
      case OK -> "[ok]";
      case INFO -> "[i]";
      case WARN -> "[!]";
      case FAIL -> "[X]";
    };
  }

  private static String mark(Finding.Status status) {
    return switch (status) {
      case OK -> "✓";
      case INFO -> "·";
      case WARN -> "!";
      case FAIL -> "✗";
    };
  }
}
