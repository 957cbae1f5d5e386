package dev.click2call.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.testing.HostProcess;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The third-party notices inside the packaged jar cover everything the jar bundles: every class
 * that is not the project's own comes from a library the notices list, with a licence; and the
 * project's own LICENSE and NOTICE are inside too.
 */
class ThirdPartyNoticesIT {
  @Test
  void everyBundledClassComesFromALibraryTheNoticesListWithItsLicence() throws Exception {
    Path jar = HostProcess.packagedJarFile();
    Path classPath = jar.resolveSibling("runtime-classpath.txt");
    Map<String, String> owner = new HashMap<>(); // class entry → group:artifact
    for (String entry : Files.readString(classPath).trim().split(File.pathSeparator)) {
      Path library = Path.of(entry);
      String coordinates =
          library.getParent().getParent().getParent().toString().replace(File.separatorChar, '.')
              + ":"
              + library.getParent().getParent().getFileName();
      try (JarFile file = new JarFile(library.toFile())) {
        file.stream()
            .map(JarEntry::getName)
            .filter(name -> name.endsWith(".class"))
            .forEach(name -> owner.putIfAbsent(name, coordinates));
      }
    }
    String notices;
    List<String> foreign = new ArrayList<>();
    List<String> unaccounted = new ArrayList<>();
    try (JarFile packaged = new JarFile(jar.toFile())) {
      notices =
          new String(
              packaged
                  .getInputStream(packaged.getEntry("META-INF/THIRD-PARTY-NOTICES.md"))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(packaged.getEntry("META-INF/click2call/LICENSE")).isNotNull();
      assertThat(packaged.getEntry("META-INF/click2call/NOTICE")).isNotNull();
      packaged.stream()
          .map(JarEntry::getName)
          .filter(name -> name.endsWith(".class") && !name.startsWith("dev/click2call/"))
          .filter(name -> !name.endsWith("module-info.class"))
          .forEach(
              name -> {
                String library = owner.get(name);
                if (library == null) {
                  unaccounted.add(name);
                } else if (!foreign.contains(library)) {
                  foreign.add(library);
                }
              });
    }
    assertThat(unaccounted).as("bundled classes from no known library").isEmpty();
    assertThat(foreign).isNotEmpty();
    for (String library : foreign) {
      String artifact = library.substring(library.indexOf(':') + 1);
      String row =
          notices
              .lines()
              .filter(line -> line.startsWith("| ") && line.contains(":" + artifact + " |"))
              .findFirst()
              .orElse(null);
      assertThat(row).as(library + " is listed").isNotNull();
      assertThat(row.split("\\|")[3].trim()).as(library + " has a licence").isNotEmpty();
    }
  }
}
