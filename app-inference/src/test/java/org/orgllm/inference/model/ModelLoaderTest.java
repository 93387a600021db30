package org.orgllm.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgllm.inference.Fixtures;
import org.orgllm.inference.ModelLoadException;
import org.orgllm.inference.config.Family;
import org.orgllm.inference.model.qwen2.Qwen2Model;
import org.orgllm.inference.safetensors.SafetensorsFile;
import org.orgllm.inference.safetensors.SafetensorsWriter;
import org.orgllm.inference.torch.Tensors;
import org.orgllm.inference.torch.TorchRuntime;

class ModelLoaderTest {

  @TempDir Path dir;

  private static final Path TINY = Fixtures.folder("tiny-qwen2");

  /** Copies tiny-qwen2's json files into {@code dir} and rewrites its weights through {@code edit}. */
  private Path copyWith(BiConsumer<SafetensorsFile, SafetensorsWriter> edit) throws IOException {
    TorchRuntime.init();
    for (String f : List.of("config.json", "generation_config.json")) {
      Files.copy(TINY.resolve(f), dir.resolve(f));
    }
    SafetensorsFile source = SafetensorsFile.open(TINY.resolve("model.safetensors"));
    SafetensorsWriter writer = new SafetensorsWriter();
    edit.accept(source, writer);
    writer.write(dir.resolve("model.safetensors"));
    return dir;
  }

  private static void copyAll(SafetensorsFile source, SafetensorsWriter writer) {
    source.tensors().keySet().forEach(name -> writer.add(name, source.tensor(name)));
  }

  @Test
  void loadsTheQwen2FixtureZeroCopyWhenTheStoredDtypeIsKept() {
    DecoderModel model = ModelLoader.load(TINY);
    assertThat(model).isInstanceOf(Qwen2Model.class);
    assertThat(model.config().family()).isEqualTo(Family.QWEN2);
    assertThat(model.generationConfig().eosTokenIds()).containsExactly(299, 297);
    Tensor mapped = model.checkpoint().tensor("model.embed_tokens.weight");
    assertThat(model.embed_tokens.data_ptr().address()).isEqualTo(mapped.data_ptr().address());
    assertThat(model.lm_head.weight().data_ptr().address()).as("tied lm_head").isEqualTo(mapped.data_ptr().address());

    DecoderModel bf16 = ModelLoader.load(Fixtures.folder("tiny-qwen2-bf16"), LoadOptions.defaults().withWeightDtype(WeightDtype.STORED));
    assertThat(Tensors.isType(bf16.embed_tokens, ScalarType.BFloat16)).isTrue();
    assertThat(bf16.embed_tokens.data_ptr().address())
        .isEqualTo(bf16.checkpoint().tensor("model.embed_tokens.weight").data_ptr().address());
    DecoderModel upcast = ModelLoader.load(Fixtures.folder("tiny-qwen2-bf16"));
    assertThat(Tensors.isType(upcast.embed_tokens, ScalarType.Float)).isTrue();
  }

  @Test
  void aMissingConfigIsNamed() {
    assertThatThrownBy(() -> ModelLoader.load(dir))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("config.json").hasMessageContaining("not found");
  }

  @Test
  void missingWeightsAreNamed() throws IOException {
    Files.copy(TINY.resolve("config.json"), dir.resolve("config.json"));
    assertThatThrownBy(() -> ModelLoader.load(dir))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("model.safetensors");
  }

  @Test
  void anUnsupportedArchitectureIsNamed() throws IOException {
    Files.writeString(dir.resolve("config.json"), Files.readString(TINY.resolve("config.json"))
        .replace("Qwen2ForCausalLM", "GPT2LMHeadModel"));
    assertThatThrownBy(() -> ModelLoader.load(dir))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("config.json").hasMessageContaining("GPT2LMHeadModel");
  }

  @Test
  void aTruncatedCheckpointIsNamed() throws IOException {
    copyWith(ModelLoaderTest::copyAll);
    Path weights = dir.resolve("model.safetensors");
    byte[] bytes = Files.readAllBytes(weights);
    Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> ModelLoader.load(dir))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining(weights.toString());
  }

  @Test
  void aWeightOfTheWrongShapeIsNamedWithItsFile() throws IOException {
    copyWith((source, writer) -> {
      copyAll(source, writer);
      writer.addF32("model.layers.1.self_attn.k_proj.weight", new long[] {16, 64}, new float[16 * 64]);
    });
    assertThatThrownBy(() -> ModelLoader.load(dir))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("model.safetensors")
        .hasMessageContaining("model.layers.1.self_attn.k_proj.weight")
        .hasMessageContaining("[16, 64]");
  }

  @Test
  void aMissingWeightIsNamed() throws IOException {
    copyWith((source, writer) -> source.tensors().keySet().stream()
        .filter(n -> !n.equals("model.norm.weight"))
        .forEach(n -> writer.add(n, source.tensor(n))));
    assertThatThrownBy(() -> ModelLoader.load(dir))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("model.norm.weight");
  }

  @Test
  void moreLayersThanTheConfigSaysIsAnError() throws IOException {
    copyWith((source, writer) -> {
      copyAll(source, writer);
      writer.addF32("model.layers.2.input_layernorm.weight", new long[] {64}, new float[64]);
    });
    assertThatThrownBy(() -> ModelLoader.load(dir))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("model.layers.2").hasMessageContaining("num_hidden_layers");
  }

  @Test
  void anUntiedModelNeedsItsLmHead() throws IOException {
    copyWith(ModelLoaderTest::copyAll);
    Files.writeString(dir.resolve("config.json"), Files.readString(TINY.resolve("config.json"))
        .replace("\"tie_word_embeddings\": true", "\"tie_word_embeddings\": false"));
    assertThatThrownBy(() -> ModelLoader.load(dir))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("lm_head.weight");
  }
}
