package org.orgllm.inference.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates shared/fixtures (read in place) and test resources for the template tests. */
final class TestFixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  private TestFixtures() {
  }

  /** shared/fixtures: the {@code orgllm.fixtures} property set by surefire, else relative to the module. */
  static Path fixtures() {
    String configured = System.getProperty("orgllm.fixtures");
    Path dir = configured != null ? Path.of(configured) : Path.of("../../shared/fixtures");
    assertThat(dir).as("shared fixtures directory").isDirectory();
    return dir.toAbsolutePath().normalize();
  }

  /** A UTF-8 test resource, e.g. {@code /template/templates/torture.jinja}. */
  static String resource(String name) {
    try (InputStream in = TestFixtures.class.getResourceAsStream(name)) {
      assertThat(in).as("test resource " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
