package org.orgllm.inference.safetensors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.Tensor;
import org.orgllm.inference.torch.Tensors;

/**
 * Writes safetensors files: tensors sorted by name (as the Python library does), the header padded
 * with spaces to a multiple of 8 bytes so every tensor starts aligned, and an optional {@code
 * __metadata__} map.
 */
public final class SafetensorsWriter {

  private final Map<String, Entry> entries = new TreeMap<>();
  private final Map<String, String> metadata = new LinkedHashMap<>();

  /** Raw bytes of one tensor. */
  private record Entry(DType dtype, long[] shape, byte[] data) {}

  /** Adds a tensor (any device or layout); its dtype must be one of {@link DType}. */
  public SafetensorsWriter add(String name, Tensor tensor) {
    Tensor cpu = tensor.cpu().contiguous();
    DType dtype = DType.of(cpu.scalar_type());
    byte[] data = new byte[Math.toIntExact(cpu.nbytes())];
    if (data.length > 0) {
      new BytePointer(cpu.data_ptr()).capacity(data.length).get(data);
    }
    return add(name, dtype, Tensors.shape(cpu), data);
  }

  /** Adds little-endian float32 values. */
  public SafetensorsWriter addF32(String name, long[] shape, float[] values) {
    ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(values);
    return add(name, DType.F32, shape, buf.array());
  }

  /** Adds raw bytes; the length must match dtype and shape (this is not checked here, on purpose, so tests can write lying files). */
  public SafetensorsWriter add(String name, DType dtype, long[] shape, byte[] data) {
    entries.put(name, new Entry(dtype, shape.clone(), data.clone()));
    return this;
  }

  /** Adds a {@code __metadata__} entry. */
  public SafetensorsWriter metadata(String key, String value) {
    metadata.put(key, value);
    return this;
  }

  /** Writes the file. */
  public void write(Path path) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode header = json.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = header.putObject("__metadata__");
      metadata.forEach(meta::put);
    }
    long offset = 0;
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      ObjectNode node = header.putObject(e.getKey());
      node.put("dtype", e.getValue().dtype().name());
      var shape = node.putArray("shape");
      Arrays.stream(e.getValue().shape()).forEach(shape::add);
      var offsets = node.putArray("data_offsets");
      offsets.add(offset);
      offset += e.getValue().data().length;
      offsets.add(offset);
    }
    byte[] headerBytes = json.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
    int padded = (headerBytes.length + 7) / 8 * 8;
    byte[] headerPadded = Arrays.copyOf(headerBytes, padded);
    Arrays.fill(headerPadded, headerBytes.length, padded, (byte) ' ');
    try (OutputStream out = Files.newOutputStream(path)) {
      out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
      out.write(headerPadded);
      for (Entry e : entries.values()) {
        out.write(e.data());
      }
    }
  }
}
