package org.orgllm.inference.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.orgllm.inference.lora.LoraAdapter;

/**
 * The {@code models/} folder: base models under {@code base/<name>}, adapters under {@code
 * trained/org-<id>/} (directly, version {@code v0}, or in {@code v<N>/} subfolders with the active
 * one named in a file {@code ACTIVE}; without that file the highest version is active).
 *
 * <p>Every path handed out is resolved to its real path (symlinks followed) and must lie inside the
 * real {@code base/} or {@code trained/} folder, so a symlink cannot lead a request out of the root.
 * Thread-safe: it holds no mutable state besides the files.
 */
public final class ModelStore {

  /** The file naming the active version, e.g. containing {@code v3}. */
  public static final String ACTIVE_FILE = "ACTIVE";

  private static final Pattern BASE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern VERSION_DIR = Pattern.compile("v(0|[1-9][0-9]{0,8})");

  private final Path root;

  /** A store over {@code modelsRoot} (which must exist). */
  public ModelStore(Path modelsRoot) {
    try {
      this.root = modelsRoot.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("models root " + modelsRoot + " is not readable", e);
    }
  }

  /** The real path of the models root. */
  public Path root() {
    return root;
  }

  /** The folder of base model {@code name} ({@code base/<name>}), checked to stay inside the root. */
  public Path baseModel(String name) {
    if (name == null || !BASE_NAME.matcher(name).matches() || name.contains("..")) {
      throw new IllegalArgumentException("invalid base model name '" + name + "'");
    }
    Path folder = root.resolve("base").resolve(name);
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("no base model folder " + folder);
    }
    return contained(folder, root.resolve("base"), () -> new IllegalArgumentException(
        "base model folder " + folder + " resolves outside " + root));
  }

  /** Organizations that have an adapter folder, sorted by id. Folders with invalid ids are ignored. */
  public List<OrganizationId> organizations() {
    Path trained = root.resolve("trained");
    if (!Files.isDirectory(trained)) {
      return List.of();
    }
    List<OrganizationId> out = new ArrayList<>();
    try (Stream<Path> children = Files.list(trained)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (name.startsWith("org-") && Files.isDirectory(child)) {
          try {
            out.add(OrganizationId.of(name.substring(4)));
          } catch (InvalidOrganizationException ignored) {
            // A stray folder is not an organization; listing must not fail because of it.
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(Comparator.comparing(OrganizationId::value));
    return out;
  }

  /** The organization's versions, oldest first; {@code [v0]} for an unversioned folder. */
  public List<String> versions(OrganizationId org) {
    Path folder = orgFolder(org);
    if (Files.isRegularFile(folder.resolve(LoraAdapter.CONFIG_FILE))) {
      return List.of("v0");
    }
    List<String> versions = new ArrayList<>();
    try (Stream<Path> children = Files.list(folder)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (VERSION_DIR.matcher(name).matches() && Files.isRegularFile(child.resolve(LoraAdapter.CONFIG_FILE))) {
          versions.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    versions.sort(Comparator.comparingInt(v -> Integer.parseInt(v.substring(1))));
    return versions;
  }

  /** The version requests of {@code org} use now. */
  public AdapterKey active(OrganizationId org) {
    List<String> versions = versions(org);
    if (versions.isEmpty()) {
      throw new NoAdapterException(org.value(), "no adapter files in " + orgFolder(org));
    }
    Path marker = orgFolder(org).resolve(ACTIVE_FILE);
    if (versions.equals(List.of("v0")) || !Files.isRegularFile(marker)) {
      return new AdapterKey(org, versions.getLast());
    }
    String named;
    try {
      named = Files.readString(marker, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!versions.contains(named)) {
      throw new NoAdapterException(org.value(), marker + " names version '" + named + "', which does not exist");
    }
    return new AdapterKey(org, named);
  }

  /** The folder holding the adapter files of {@code key}. */
  public Path adapterFolder(AdapterKey key) {
    Path org = orgFolder(key.organization());
    Path folder = Files.isRegularFile(org.resolve(LoraAdapter.CONFIG_FILE)) && key.version().equals("v0")
        ? org
        : org.resolve(key.version());
    if (!Files.isDirectory(folder)) {
      throw new NoAdapterException(key.organization().value(), "no version " + key.version());
    }
    Supplier<RuntimeException> refusal = () -> new NoAdapterException(
        key.organization().value(), "adapter files resolve outside the models root; refused");
    Path real = contained(folder, root.resolve("trained"), refusal);
    // The files themselves may be symlinks too: each must stay inside the root as well.
    for (String file : List.of(LoraAdapter.CONFIG_FILE, LoraAdapter.WEIGHTS_FILE)) {
      if (Files.exists(real.resolve(file))) {
        contained(real.resolve(file), root.resolve("trained"), refusal);
      }
    }
    return real;
  }

  /**
   * Makes {@code key} the active version by rewriting {@code ACTIVE} atomically, so a concurrent
   * reader sees the old or the new name, never a partial file.
   */
  public void activate(AdapterKey key) {
    if (!versions(key.organization()).contains(key.version())) {
      throw new NoAdapterException(key.organization().value(), "no version " + key.version());
    }
    Path folder = orgFolder(key.organization());
    if (Files.isRegularFile(folder.resolve(LoraAdapter.CONFIG_FILE))) {
      return; // unversioned: v0 is the only version and always active
    }
    try {
      Path tmp = Files.createTempFile(folder, ".active", ".tmp");
      Files.writeString(tmp, key.version() + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(tmp, folder.resolve(ACTIVE_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, folder.resolve(ACTIVE_FILE), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code trained/org-<id>}, which must exist and stay inside the root. */
  private Path orgFolder(OrganizationId org) {
    Path folder = root.resolve("trained").resolve(org.folderName());
    if (!Files.isDirectory(folder)) {
      throw new NoAdapterException(org.value(), "no folder " + folder);
    }
    return contained(folder, root.resolve("trained"), () -> new NoAdapterException(
        org.value(), "adapter folder resolves outside the models root; refused"));
  }

  private static Path contained(Path folder, Path parent, Supplier<RuntimeException> refusal) {
    try {
      Path real = folder.toRealPath();
      if (!real.startsWith(parent.toRealPath()) || real.equals(parent.toRealPath())) {
        throw refusal.get();
      }
      return real;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
