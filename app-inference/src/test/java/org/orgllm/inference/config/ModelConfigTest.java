package org.orgllm.inference.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.orgllm.inference.Fixtures;
import org.orgllm.inference.ModelLoadException;

class ModelConfigTest {

  private static final Path FILE = Path.of("x/config.json");

  private static ModelConfig parse(String json) throws Exception {
    return ModelConfig.parse(FILE, new ObjectMapper().readTree(json));
  }

  private static final String LLAMA = """
      {"architectures": ["LlamaForCausalLM"], "hidden_size": 64, "intermediate_size": 128,
       "num_hidden_layers": 2, "num_attention_heads": 8, "vocab_size": 100 %s}
      """;

  @Test
  void readsTheQwen2Fixture() {
    ModelConfig c = ModelConfig.read(Fixtures.folder("tiny-qwen2"));
    assertThat(c.family()).isEqualTo(Family.QWEN2);
    assertThat(c.headDim()).isEqualTo(16);
    assertThat(c.numKeyValueHeads()).isEqualTo(2);
    assertThat(c.groupSize()).isEqualTo(2);
    assertThat(c.ropeTheta()).isEqualTo(1e6);
    assertThat(c.tieWordEmbeddings()).isTrue();
    assertThat(c.ropeScaling().type()).isEqualTo(RopeScaling.Type.DEFAULT);
  }

  @Test
  void appliesTransformersDefaults() throws Exception {
    ModelConfig c = parse(LLAMA.formatted(""));
    assertThat(c.numKeyValueHeads()).isEqualTo(8);
    assertThat(c.headDim()).isEqualTo(8);
    assertThat(c.ropeTheta()).isEqualTo(10000.0);
    assertThat(c.tieWordEmbeddings()).isFalse();
    assertThat(c.attentionBias()).isFalse();
  }

  @Test
  void readsHeadDimBiasesAndEveryRopeScalingSpelling() throws Exception {
    ModelConfig c = parse(LLAMA.formatted(", \"head_dim\": 32, \"attention_bias\": true, \"mlp_bias\": true,"
        + " \"rope_scaling\": {\"type\": \"linear\", \"factor\": 4.0}"));
    assertThat(c.headDim()).isEqualTo(32);
    assertThat(c.attentionBias()).isTrue();
    assertThat(c.mlpBias()).isTrue();
    assertThat(c.ropeScaling()).isEqualTo(new RopeScaling(RopeScaling.Type.LINEAR, 4.0, 0, 0, 0));
    assertThat(parse(LLAMA.formatted(", \"rope_scaling\": {\"rope_type\": \"dynamic\", \"factor\": 2}")).ropeScaling().type())
        .isEqualTo(RopeScaling.Type.DYNAMIC);
    RopeScaling llama3 = parse(LLAMA.formatted(", \"rope_scaling\": {\"rope_type\": \"llama3\", \"factor\": 8.0,"
        + " \"low_freq_factor\": 1.0, \"high_freq_factor\": 4.0, \"original_max_position_embeddings\": 8192}")).ropeScaling();
    assertThat(llama3).isEqualTo(new RopeScaling(RopeScaling.Type.LLAMA3, 8.0, 1.0, 4.0, 8192));
  }

  @Test
  void rejectsWhatItCannotRun() {
    assertThatThrownBy(() -> parse(LLAMA.formatted(", \"rope_scaling\": {\"rope_type\": \"yarn\", \"factor\": 4}")))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("config.json").hasMessageContaining("yarn");
    assertThatThrownBy(() -> parse(LLAMA.formatted("").replace("LlamaForCausalLM", "PhiForCausalLM")))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("PhiForCausalLM");
    assertThatThrownBy(() -> parse(LLAMA.formatted(", \"num_key_value_heads\": 3")))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("num_key_value_heads");
    assertThatThrownBy(() -> parse(LLAMA.formatted("").replace("\"vocab_size\": 100", "\"vocab_size\": 0")))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("vocab_size");
  }

  @Test
  void generationConfigAcceptsAnIntOrAListOfEosIds() throws Exception {
    ObjectMapper json = new ObjectMapper();
    GenerationConfig list = GenerationConfig.read(Fixtures.folder("tiny-qwen2"));
    assertThat(list.eosTokenIds()).containsExactly(299, 297);
    assertThat(list.padTokenId()).isEqualTo(297);
    assertThat(list.isEos(297)).isTrue();
    GenerationConfig single = GenerationConfig.parse(json.readTree("""
        {"eos_token_id": 2, "bos_token_id": 1, "do_sample": true, "temperature": 0.7, "top_k": 20, "top_p": 0.8,
         "repetition_penalty": 1.05}"""));
    assertThat(single.eosTokenIds()).containsExactly(2);
    assertThat(single.bosTokenId()).isEqualTo(1);
    assertThat(single.doSample()).isTrue();
    assertThat(single.temperature()).isEqualTo(0.7);
    assertThat(single.topK()).isEqualTo(20);
    assertThat(single.topP()).isEqualTo(0.8);
    assertThat(single.repetitionPenalty()).isEqualTo(1.05);
  }
}
