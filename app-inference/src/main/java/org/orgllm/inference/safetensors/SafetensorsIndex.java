package org.orgllm.inference.safetensors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.pytorch.Tensor;
import org.orgllm.inference.ModelLoadException;

/**
 * All weights of a checkpoint folder, whether in one {@code model.safetensors} or sharded with a
 * {@code model.safetensors.index.json} whose {@code weight_map} names each tensor's shard.
 *
 * <p>Holds every mapped shard; tensors handed out stay valid until {@link #close()}.
 */
public final class SafetensorsIndex implements AutoCloseable {

  /** The single-file checkpoint name. */
  public static final String SINGLE_FILE = "model.safetensors";

  /** The shard index name. */
  public static final String INDEX_FILE = "model.safetensors.index.json";

  private final Map<String, SafetensorsFile> fileByTensor;
  private final List<SafetensorsFile> files;

  private SafetensorsIndex(Map<String, SafetensorsFile> fileByTensor, List<SafetensorsFile> files) {
    this.fileByTensor = fileByTensor;
    this.files = files;
  }

  /** Opens the weights of {@code folder}: the shard index when present, else {@code model.safetensors}. */
  public static SafetensorsIndex open(Path folder) {
    Path index = folder.resolve(INDEX_FILE);
    if (Files.isRegularFile(index)) {
      return openSharded(folder, index);
    }
    Path single = folder.resolve(SINGLE_FILE);
    if (!Files.isRegularFile(single)) {
      throw ModelLoadException.of(single, "no weights: neither " + SINGLE_FILE + " nor " + INDEX_FILE + " exists");
    }
    return of(SafetensorsFile.open(single));
  }

  /** An index over one already-open file. */
  public static SafetensorsIndex of(SafetensorsFile file) {
    Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();
    file.tensors().keySet().forEach(name -> byTensor.put(name, file));
    return new SafetensorsIndex(Collections.unmodifiableMap(byTensor), List.of(file));
  }

  private static SafetensorsIndex openSharded(Path folder, Path index) {
    JsonNode weightMap;
    try {
      weightMap = new ObjectMapper().readTree(index.toFile()).get("weight_map");
    } catch (IOException e) {
      throw ModelLoadException.of(index, "cannot parse: " + e.getMessage(), e);
    }
    if (weightMap == null || !weightMap.isObject()) {
      throw ModelLoadException.of(index, "missing object 'weight_map'");
    }
    Map<String, SafetensorsFile> shards = new LinkedHashMap<>();
    Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : weightMap.properties()) {
      String shardName = e.getValue().asText();
      Path shardPath = folder.resolve(shardName).normalize();
      if (!shardPath.startsWith(folder.normalize())) {
        throw ModelLoadException.of(index, "shard '" + shardName + "' lies outside the model folder");
      }
      SafetensorsFile shard;
      try {
        shard = shards.computeIfAbsent(shardName, n -> SafetensorsFile.open(shardPath));
      } catch (RuntimeException ex) {
        shards.values().forEach(SafetensorsFile::close);
        throw ex;
      }
      if (!shard.contains(e.getKey())) {
        shards.values().forEach(SafetensorsFile::close);
        throw ModelLoadException.of(shardPath, "tensor '" + e.getKey() + "' listed in " + INDEX_FILE + " is missing");
      }
      byTensor.put(e.getKey(), shard);
    }
    return new SafetensorsIndex(
        Collections.unmodifiableMap(byTensor), List.copyOf(new ArrayList<>(shards.values())));
  }

  /** Every tensor name. */
  public Set<String> names() {
    return fileByTensor.keySet();
  }

  /** Whether a tensor of that name exists. */
  public boolean contains(String name) {
    return fileByTensor.containsKey(name);
  }

  /** The file holding {@code name}; fails naming the first file when absent. */
  public SafetensorsFile fileOf(String name) {
    SafetensorsFile file = fileByTensor.get(name);
    if (file == null) {
      throw ModelLoadException.of(files.getFirst().path(), "missing tensor '" + name + "'");
    }
    return file;
  }

  /** Header entry of {@code name}. */
  public TensorInfo info(String name) {
    return fileOf(name).info(name);
  }

  /** A zero-copy tensor of {@code name} (see {@link SafetensorsFile#tensor(String)}). */
  public Tensor tensor(String name) {
    return fileOf(name).tensor(name);
  }

  /** Unmaps every shard. */
  @Override
  public void close() {
    files.forEach(SafetensorsFile::close);
  }

  /** The mapped files. */
  public List<SafetensorsFile> files() {
    return files;
  }
}
