package org.orgllm.inference.lora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgllm.inference.Fixtures;
import org.orgllm.inference.ModelLoadException;
import org.orgllm.inference.config.ModelConfig;
import org.orgllm.inference.safetensors.SafetensorsFile;
import org.orgllm.inference.safetensors.SafetensorsWriter;
import org.orgllm.inference.torch.Tensors;
import org.orgllm.inference.torch.TorchRuntime;

class LoraAdapterTest {

  private static final Path ACME = Fixtures.folder("tiny-qwen2-lora-acme");
  private static ModelConfig base;

  @TempDir Path dir;

  @BeforeAll
  static void init() {
    TorchRuntime.init();
    base = ModelConfig.read(Fixtures.folder("tiny-qwen2"));
  }

  @Test
  void loadsAllSevenProjectionsOfBothLayersWithScaleAlphaOverR() {
    LoraAdapter acme = LoraAdapter.load(ACME, base);
    for (int layer = 0; layer < 2; layer++) {
      for (Projection p : Projection.values()) {
        LoraWeights w = acme.weights(layer, p);
        assertThat(w).as("%d %s", layer, p).isNotNull();
        assertThat(w.scale()).isCloseTo(8.0 / 4, within(1e-12));
        assertThat(w.lora_A().size(0)).isEqualTo(4);
      }
    }
    assertThat(acme.baseModelNameOrPath()).isEqualTo("tiny-qwen2");
  }

  private Path adapterWithConfig(String fromJson, String toJson) throws IOException {
    Files.writeString(dir.resolve("adapter_config.json"),
        Files.readString(ACME.resolve("adapter_config.json")).replace(fromJson, toJson));
    Files.copy(ACME.resolve("adapter_model.safetensors"), dir.resolve("adapter_model.safetensors"));
    return dir;
  }

  @Test
  void rsLoraScalesByTheSquareRootOfR() throws IOException {
    LoraAdapter a = LoraAdapter.load(adapterWithConfig("\"use_rslora\": false", "\"use_rslora\": true"), base);
    assertThat(a.weights(0, Projection.q_proj).scale()).isCloseTo(8.0 / 2, within(1e-12));
  }

  @Test
  void alphaPatternOverridesMatchingModules() throws IOException {
    LoraAdapter a = LoraAdapter.load(adapterWithConfig("\"alpha_pattern\": {}", "\"alpha_pattern\": {\"v_proj\": 16}"), base);
    assertThat(a.weights(1, Projection.v_proj).scale()).isCloseTo(16.0 / 4, within(1e-12));
    assertThat(a.weights(1, Projection.q_proj).scale()).isCloseTo(8.0 / 4, within(1e-12));
  }

  @Test
  void theBaseModelNameIsInformationalOnly() throws IOException {
    LoraAdapter a = LoraAdapter.load(adapterWithConfig("\"base_model_name_or_path\": \"tiny-qwen2\"",
        "\"base_model_name_or_path\": \"somewhere/else\""), base);
    assertThat(a.baseModelNameOrPath()).isEqualTo("somewhere/else");
  }

  @Test
  void anAdapterForAnotherBaseIsRejectedNamingTheTensor() {
    ModelConfig other = ModelConfig.read(Path.of("src/test/resources/reference/tiny-qwen3"));
    assertThatThrownBy(() -> LoraAdapter.load(ACME, other))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("adapter_model.safetensors")
        .hasMessageContaining("lora_A.weight");
  }

  @Test
  void anAdapterForMoreLayersIsRejected() throws IOException {
    Files.copy(ACME.resolve("adapter_config.json"), dir.resolve("adapter_config.json"));
    SafetensorsFile src = SafetensorsFile.open(ACME.resolve("adapter_model.safetensors"));
    SafetensorsWriter w = new SafetensorsWriter();
    src.tensors().keySet().forEach(n -> w.add(n, src.tensor(n)));
    w.add("base_model.model.model.layers.5.self_attn.q_proj.lora_A.weight", Tensors.floats(new float[4 * 64], 4, 64));
    w.write(dir.resolve("adapter_model.safetensors"));
    assertThatThrownBy(() -> LoraAdapter.load(dir, base))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("adapter_model.safetensors")
        .hasMessageContaining("layers.5");
  }

  @Test
  void aRankThatContradictsTheConfigIsRejected() throws IOException {
    assertThatThrownBy(() -> LoraAdapter.load(adapterWithConfig("\"r\": 4", "\"r\": 8"), base))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("r=8");
  }

  @Test
  void unsupportedPeftFeaturesAreRejected() throws IOException {
    assertThatThrownBy(() -> LoraAdapter.load(adapterWithConfig("\"use_dora\": false", "\"use_dora\": true"), base))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("adapter_config.json").hasMessageContaining("DoRA");
  }

  @Test
  void missingFilesAreNamed() {
    assertThatThrownBy(() -> LoraAdapter.load(dir, base))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("adapter_config.json");
  }
}
