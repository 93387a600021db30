package org.orgllm.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared reference fixtures, read in place. */
public final class Fixtures {

  private static JsonNode expected;

  private Fixtures() {}

  /** The fixtures folder: {@code -Dorgllm.fixtures}, else ../../shared/fixtures from the module. */
  public static Path root() {
    String prop = System.getProperty("orgllm.fixtures");
    Path root = prop != null ? Path.of(prop) : Path.of("../../shared/fixtures");
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("fixtures not found at " + root.toAbsolutePath());
    }
    return root.normalize();
  }

  /** A folder inside the fixtures. */
  public static Path folder(String name) {
    return root().resolve(name);
  }

  /** The parsed expected.json. */
  public static synchronized JsonNode expected() {
    if (expected == null) {
      try {
        expected = new ObjectMapper().readTree(root().resolve("expected.json").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return expected;
  }

  /** A JSON int array as a Java array. */
  public static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }

  /** The largest absolute difference between two equally long arrays (logits compared position by position). */
  public static float maxAbsDiff(float[] a, float[] b) {
    org.assertj.core.api.Assertions.assertThat(a).hasSameSizeAs(b);
    float m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }
}
