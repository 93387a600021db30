package org.orgllm.inference.safetensors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.orgllm.inference.ModelLoadException;

/**
 * A memory-mapped, validated safetensors file.
 *
 * <p>The whole file is mapped READ_ONLY; {@link #tensor(String)} wraps a tensor's bytes with {@code
 * from_blob} without copying. Such tensors do not own their memory. The mapping is NOT tied to the
 * garbage collector (the JIT may consider this object dead while libtorch still reads a tensor): it
 * stays until {@link #close()}, after which the tensors must not be used. Owners (a model) close it
 * when they are closed. The tensors are read-only: writing into them in place would fault.
 *
 * <p>The header is checked before anything is handed out (header length within the file, every
 * tensor's byte range inside the data region, its length equal to dtype size times shape, no
 * overlaps), so a corrupt or lying file fails with a {@link ModelLoadException} naming the file
 * instead of crashing the JVM.
 */
public final class SafetensorsFile implements AutoCloseable {

  /** Headers larger than this are not plausible and are rejected before being read. */
  private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;
  private final Arena arena; // owns the mapping; closed explicitly, never by the GC
  private final MemorySegment mapping; // the whole file
  private final long dataStart;
  private final Map<String, TensorInfo> tensors;
  private final Map<String, String> metadata;

  private SafetensorsFile(
      Path path,
      Arena arena,
      MemorySegment mapping,
      long dataStart,
      Map<String, TensorInfo> tensors,
      Map<String, String> metadata) {
    this.path = path;
    this.arena = arena;
    this.mapping = mapping;
    this.dataStart = dataStart;
    this.tensors = tensors;
    this.metadata = metadata;
  }

  /** Maps and validates {@code path}. */
  public static SafetensorsFile open(Path path) {
    if (!Files.isRegularFile(path)) {
      throw ModelLoadException.of(path, "safetensors file not found");
    }
    Arena arena = Arena.ofShared();
    try {
      return parse(path, arena, map(path, arena));
    } catch (RuntimeException e) {
      arena.close();
      throw e;
    }
  }

  private static MemorySegment map(Path path, Arena arena) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < 8) {
        throw ModelLoadException.of(path, "truncated: " + size + " bytes, shorter than the 8-byte header length");
      }
      return channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
    } catch (NoSuchFileException e) {
      throw ModelLoadException.of(path, "safetensors file not found", e);
    } catch (IOException e) {
      throw ModelLoadException.of(path, "cannot map: " + e.getMessage(), e);
    }
  }

  private static SafetensorsFile parse(Path path, Arena arena, MemorySegment mapping) {
    long fileSize = mapping.byteSize();
    long headerLength = mapping.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0);
    if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || 8 + headerLength > fileSize) {
      throw ModelLoadException.of(
          path,
          "header length " + headerLength + " does not fit in a file of " + fileSize + " bytes (truncated or not safetensors)");
    }
    byte[] headerBytes = mapping.asSlice(8, headerLength).toArray(ValueLayout.JAVA_BYTE);
    JsonNode header;
    try {
      header = JSON.readTree(new String(headerBytes, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      throw ModelLoadException.of(path, "header is not valid JSON: " + e.getMessage(), e);
    }
    if (header == null || !header.isObject()) {
      throw ModelLoadException.of(path, "header is not a JSON object");
    }
    long dataStart = 8 + headerLength;
    long dataSize = fileSize - dataStart;
    Map<String, String> metadata = new LinkedHashMap<>();
    Map<String, TensorInfo> tensors = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().equals("__metadata__")) {
        field.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
        continue;
      }
      TensorInfo info = parseEntry(path, field.getKey(), field.getValue(), dataSize);
      tensors.put(info.name(), info);
    }
    checkNoOverlap(path, tensors.values());
    return new SafetensorsFile(
        path, arena, mapping, dataStart, Collections.unmodifiableMap(tensors), Collections.unmodifiableMap(metadata));
  }

  private static TensorInfo parseEntry(Path path, String name, JsonNode node, long dataSize) {
    String where = "tensor '" + name + "': ";
    JsonNode dtypeNode = node.get("dtype");
    JsonNode shapeNode = node.get("shape");
    JsonNode offsetsNode = node.get("data_offsets");
    if (dtypeNode == null || shapeNode == null || !shapeNode.isArray() || offsetsNode == null
        || !offsetsNode.isArray() || offsetsNode.size() != 2) {
      throw ModelLoadException.of(path, where + "header entry needs dtype, shape and two data_offsets");
    }
    DType dtype = DType.parse(dtypeNode.asText());
    if (dtype == null) {
      throw ModelLoadException.of(path, where + "unsupported dtype " + dtypeNode.asText());
    }
    long[] shape = new long[shapeNode.size()];
    for (int i = 0; i < shape.length; i++) {
      if (!shapeNode.get(i).canConvertToLong() || shapeNode.get(i).asLong() < 0) {
        throw ModelLoadException.of(path, where + "bad shape " + shapeNode);
      }
      shape[i] = shapeNode.get(i).asLong();
    }
    long begin = offsetsNode.get(0).asLong(-1);
    long end = offsetsNode.get(1).asLong(-1);
    if (begin < 0 || end < begin || end > dataSize) {
      throw ModelLoadException.of(
          path,
          where + "data_offsets [" + begin + ", " + end + "] lie outside the data region of " + dataSize
              + " bytes (truncated file or lying header)");
    }
    TensorInfo info = new TensorInfo(name, dtype, shape, begin, end);
    long expected;
    try {
      expected = Math.multiplyExact(info.numel(), dtype.byteSize());
    } catch (ArithmeticException e) {
      throw ModelLoadException.of(path, where + "shape overflows: " + shapeNode);
    }
    if (expected != info.byteLength()) {
      throw ModelLoadException.of(
          path,
          where + "byte length " + info.byteLength() + " does not match " + dtype + " shape " + shapeNode
              + " (" + expected + " bytes)");
    }
    return info;
  }

  private static void checkNoOverlap(Path path, Iterable<TensorInfo> infos) {
    List<TensorInfo> sorted = new ArrayList<>();
    infos.forEach(sorted::add);
    sorted.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
    for (int i = 1; i < sorted.size(); i++) {
      TensorInfo prev = sorted.get(i - 1);
      TensorInfo cur = sorted.get(i);
      if (cur.begin() < prev.end() && cur.byteLength() > 0) {
        throw ModelLoadException.of(
            path, "tensors '" + prev.name() + "' and '" + cur.name() + "' overlap in the data region");
      }
    }
  }

  /** The file this was mapped from. */
  public Path path() {
    return path;
  }

  /** Header entries by name, in header order. */
  public Map<String, TensorInfo> tensors() {
    return tensors;
  }

  /** The {@code __metadata__} map (empty when absent). */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** Whether the file holds a tensor of that name. */
  public boolean contains(String name) {
    return tensors.containsKey(name);
  }

  /** The header entry of {@code name}; fails naming the file when absent. */
  public TensorInfo info(String name) {
    TensorInfo info = tensors.get(name);
    if (info == null) {
      throw ModelLoadException.of(path, "no tensor named '" + name + "'");
    }
    return info;
  }

  /**
   * A zero-copy CPU tensor over the mapped bytes of {@code name}, in its stored dtype. Valid while this
   * object is reachable; never write into it.
   */
  public Tensor tensor(String name) {
    TensorInfo info = info(name);
    if (!arena.scope().isAlive()) {
      throw ModelLoadException.of(path, "already closed");
    }
    long address = mapping.address() + dataStart + info.begin();
    Pointer data = new MappedPointer(address, info.byteLength());
    return torch.from_blob(data, info.shape(), new TensorOptions(info.dtype().scalarType()));
  }

  /** Unmaps the file; tensors handed out before must not be used any more. Idempotent. */
  @Override
  public void close() {
    if (arena.scope().isAlive()) {
      arena.close();
    }
  }

  /** Wraps a raw address without owning it; the memory belongs to the mapping. */
  private static final class MappedPointer extends Pointer {
    MappedPointer(long address, long bytes) {
      this.address = address;
      this.capacity = bytes;
      this.limit = bytes;
    }
  }
}
