package org.orgllm.inference.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.orgllm.inference.Fixtures;
import org.orgllm.inference.config.ModelConfig;
import org.orgllm.inference.engine.RandomCheckpoints;

/**
 * Builds a {@code models/} tree in a temporary folder: the tiny-qwen2 fixture as base
 * {@code tiny-qwen2}, the reference adapter as {@code org-acme} and a random second adapter as
 * {@code org-beta}. Fixture files are copied (not linked) because the store refuses paths whose real
 * location is outside the root.
 */
public final class ModelsTree {

  /** The base model's folder name. */
  public static final String BASE = "tiny-qwen2";

  private ModelsTree() {}

  /** Creates {@code dir/models} with base, org-acme and org-beta; returns the models root. */
  public static Path create(Path dir) {
    Path root = dir.resolve("models");
    copyFolder(Fixtures.folder("tiny-qwen2"), root.resolve("base").resolve(BASE));
    copyFolder(Fixtures.folder("tiny-qwen2-lora-acme"), root.resolve("trained/org-acme"));
    writeRandomAdapter(root.resolve("trained/org-beta"), 7, BASE);
    return root;
  }

  /** A random r=4 adapter for the tiny base (seeded, so the same seed gives the same adapter). */
  public static void writeRandomAdapter(Path folder, long seed, String baseName) {
    try {
      RandomCheckpoints.writeAdapter(folder, ModelConfig.read(Fixtures.folder("tiny-qwen2")), 4, seed, baseName, 0.3);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the files of {@code from} into {@code to} (created). */
  public static void copyFolder(Path from, Path to) {
    try (Stream<Path> files = Files.list(from)) {
      Files.createDirectories(to);
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
