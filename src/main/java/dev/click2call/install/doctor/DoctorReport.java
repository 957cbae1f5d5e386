package dev.click2call.install.doctor;

import java.util.List;

/** Everything {@code doctor} found; {@link #ok()} only when nothing failed. */
public record DoctorReport(List<Section> sections) {
  public boolean ok() {
    return sections.stream().noneMatch(Section::failed);
  }

  public long problems() {
    return sections.stream()
        .flatMap(s -> s.findings().stream())
        .filter(f -> f.status() == Finding.Status.FAIL)
        .count();
  }

  public Section section(String id) {
    return sections.stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no section " + id));
  }
}
