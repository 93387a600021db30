package org.orgllm.inference.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgllm.inference.Fixtures;
import org.orgllm.inference.ModelLoadException;
import org.orgllm.inference.torch.Tensors;
import org.orgllm.inference.torch.TorchRuntime;

class SafetensorsFileTest {

  @TempDir Path dir;

  @BeforeAll
  static void torch() {
    TorchRuntime.init();
  }

  /** A file with raw header JSON and data, for lying headers. */
  private Path raw(String header, int dataBytes) throws IOException {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(h.length).put(h);
    Path p = dir.resolve("bad.safetensors");
    Files.write(p, buf.array());
    return p;
  }

  @Test
  void readsTheFixtureZeroCopy() {
    SafetensorsFile f = SafetensorsFile.open(Fixtures.folder("tiny-qwen2").resolve("model.safetensors"));
    assertThat(f.tensors()).hasSize(26); // embed, 12 per layer x 2, norm
    assertThat(f.metadata()).containsEntry("format", "pt");
    Tensor embed = f.tensor("model.embed_tokens.weight");
    assertThat(Tensors.shape(embed)).containsExactly(300, 64);
    assertThat(Tensors.isType(embed, ScalarType.Float)).isTrue();
    // Zero-copy: two views of the same tensor share the mapped address.
    assertThat(f.tensor("model.embed_tokens.weight").data_ptr().address()).isEqualTo(embed.data_ptr().address());
    SafetensorsFile bf16 = SafetensorsFile.open(Fixtures.folder("tiny-qwen2-bf16").resolve("model.safetensors"));
    float[] a = Tensors.toFloats(embed);
    float[] b = Tensors.toFloats(bf16.tensor("model.embed_tokens.weight"));
    // bf16 keeps ~3 significant digits of the fp32 weights.
    for (int i = 0; i < a.length; i += 97) {
      assertThat(b[i]).isCloseTo(a[i], org.assertj.core.data.Percentage.withPercentage(1));
    }
  }

  @Test
  void writerRoundTripsF32Bf16AndIntegers() throws IOException {
    Tensor f32 = Tensors.floats(new float[] {1.5f, -2f, 3.25f, 0f, 7f, -0.5f}, 2, 3);
    Path p = dir.resolve("rt.safetensors");
    new SafetensorsWriter()
        .add("a.f32", f32)
        .add("b.bf16", f32.to(ScalarType.BFloat16))
        .add("c.i64", Tensors.longs(4, 5, 6))
        .add("d.i32", Tensors.longs(7, 8).to(ScalarType.Int))
        .metadata("format", "pt")
        .write(p);
    SafetensorsFile f = SafetensorsFile.open(p);
    assertThat(f.metadata()).containsEntry("format", "pt");
    assertThat(f.info("b.bf16").dtype()).isEqualTo(DType.BF16);
    assertThat(Tensors.toFloats(f.tensor("a.f32"))).containsExactly(1.5f, -2f, 3.25f, 0f, 7f, -0.5f);
    assertThat(Tensors.toFloats(f.tensor("b.bf16"))).containsExactly(1.5f, -2f, 3.25f, 0f, 7f, -0.5f);
    assertThat(Tensors.toLongs(f.tensor("c.i64"))).containsExactly(4, 5, 6);
    assertThat(Tensors.toLongs(f.tensor("d.i32"))).containsExactly(7, 8);
    assertThat(Tensors.shape(f.tensor("a.f32"))).containsExactly(2, 3);
    // Data is 8-byte aligned after the header.
    long headerLength = ByteBuffer.wrap(Files.readAllBytes(p), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(headerLength % 8).isZero();
  }

  @Test
  void missingFileIsNamed() {
    Path p = dir.resolve("nope.safetensors");
    assertThatThrownBy(() -> SafetensorsFile.open(p))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining(p.toString()).hasMessageContaining("not found");
  }

  @Test
  void truncatedFilesAreRejected() throws IOException {
    Path good = dir.resolve("good.safetensors");
    new SafetensorsWriter().addF32("w", new long[] {4, 4}, new float[16]).write(good);
    byte[] bytes = Files.readAllBytes(good);
    Path cut = dir.resolve("cut.safetensors");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 10));
    assertThatThrownBy(() -> SafetensorsFile.open(cut))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining(cut.toString()).hasMessageContaining("'w'");
    Path tiny = dir.resolve("tiny.safetensors");
    Files.write(tiny, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> SafetensorsFile.open(tiny)).isInstanceOf(ModelLoadException.class).hasMessageContaining("truncated");
    Path headerCut = dir.resolve("headercut.safetensors");
    Files.write(headerCut, Arrays.copyOf(bytes, 20));
    assertThatThrownBy(() -> SafetensorsFile.open(headerCut))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("header length");
  }

  @Test
  void offsetsPastTheEndAreRejected() throws IOException {
    Path p = raw("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 8);
    assertThatThrownBy(() -> SafetensorsFile.open(p))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("bad.safetensors").hasMessageContaining("outside");
  }

  @Test
  void aByteLengthThatDoesNotMatchTheShapeIsRejected() throws IOException {
    Path p = raw("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,16]}}", 16);
    assertThatThrownBy(() -> SafetensorsFile.open(p))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("does not match");
  }

  @Test
  void overlapsUnknownDtypesAndGarbageAreRejected() throws IOException {
    Path overlap = raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}", 16);
    assertThatThrownBy(() -> SafetensorsFile.open(overlap)).isInstanceOf(ModelLoadException.class).hasMessageContaining("overlap");
    Path dtype = raw("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 8);
    assertThatThrownBy(() -> SafetensorsFile.open(dtype)).isInstanceOf(ModelLoadException.class).hasMessageContaining("F64");
    Path garbage = raw("not json at all", 0);
    assertThatThrownBy(() -> SafetensorsFile.open(garbage)).isInstanceOf(ModelLoadException.class).hasMessageContaining("JSON");
    Path huge = dir.resolve("huge.safetensors");
    Files.write(huge, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE).array());
    assertThatThrownBy(() -> SafetensorsFile.open(huge)).isInstanceOf(ModelLoadException.class).hasMessageContaining("header length");
  }

  @Test
  void aClosedFileRefusesToHandOutTensors() throws IOException {
    Path p = dir.resolve("c.safetensors");
    new SafetensorsWriter().addF32("w", new long[] {1}, new float[] {1}).write(p);
    SafetensorsFile f = SafetensorsFile.open(p);
    f.close();
    f.close();
    assertThatThrownBy(() -> f.tensor("w")).isInstanceOf(ModelLoadException.class).hasMessageContaining("closed");
  }

  @Test
  void aMissingTensorIsNamed() {
    SafetensorsFile f = SafetensorsFile.open(Fixtures.folder("tiny-qwen2").resolve("model.safetensors"));
    assertThatThrownBy(() -> f.tensor("lm_head.weight"))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("lm_head.weight").hasMessageContaining("model.safetensors");
  }
}
