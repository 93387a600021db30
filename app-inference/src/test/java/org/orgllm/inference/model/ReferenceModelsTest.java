package org.orgllm.inference.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgllm.inference.Fixtures;
import org.orgllm.inference.config.Family;
import org.orgllm.inference.config.RopeScaling;
import org.orgllm.inference.torch.Tensors;

/**
 * Families and RoPE variants without Hugging Face vectors in the shared fixtures (Llama with llama3 /
 * linear / dynamic rope scaling and head_dim != hidden/heads, Qwen3 with q/k norms, Mistral), checked
 * against the numpy transcription of HF's modeling code in {@code src/test/resources/reference}.
 */
class ReferenceModelsTest {

  private static final Path ROOT = Path.of("src/test/resources/reference");
  private static final double TOL = 1e-4;

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> args = new ArrayList<>();
    for (String name : List.of("tiny-llama-rope-llama3", "tiny-llama-rope-linear", "tiny-llama-rope-dynamic", "tiny-llama-bias",
        "tiny-qwen3", "tiny-mistral")) {
      JsonNode expected = new ObjectMapper().readTree(ROOT.resolve(name).resolve("expected.json").toFile());
      for (JsonNode c : expected.get("cases")) {
        args.add(Arguments.of(name, c.get("name").asText(), c));
      }
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void matchesNumpyReference(String folder, String caseName, JsonNode c) {
    DecoderModel model = ModelLoader.load(ROOT.resolve(folder));
    int[] ids = Fixtures.ints(c.get("ids"));
    int vocab = model.config().vocabSize();

    // The whole prompt in one forward: every position's logits.
    float[] all;
    try (KvCache cache = KvCache.of(model)) {
      all = Tensors.toFloats(model.forward(List.of(Row.of(cache, ids)), true).allLogits());
    }
    JsonNode expectedLogits = c.get("logits");
    for (int t = 0; t < ids.length; t++) {
      for (int v = 0; v < vocab; v++) {
        assertThat((double) all[t * vocab + v]).as("%s %s logits[%d][%d]", folder, caseName, t, v)
            .isCloseTo(expectedLogits.get(t).get(v).asDouble(), org.assertj.core.api.Assertions.within(TOL));
      }
    }

    // Decode with the KV cache, fed the reference's greedy ids so the step logits stay comparable.
    int[] greedy = Fixtures.ints(c.get("greedy_new_ids"));
    List<Integer> ours = new ArrayList<>();
    try (KvCache cache = KvCache.of(model)) {
      int[] next = ids;
      for (int step = 0; step < greedy.length; step++) {
        float[] logits = Tensors.toFloats(model.forward(List.of(Row.of(cache, next))).lastLogits());
        JsonNode exp = c.get("greedy_step_logits").get(step);
        for (int v = 0; v < vocab; v++) {
          assertThat((double) logits[v]).as("%s %s step %d logit %d", folder, caseName, step, v)
              .isCloseTo(exp.get(v).asDouble(), org.assertj.core.api.Assertions.within(TOL));
        }
        ours.add(GreedyDecoder.argmax(logits));
        next = new int[] {greedy[step]};
      }
    }
    if (c.get("greedy_min_top2_gap").asDouble() > 1e-3) {
      assertThat(ours).containsExactly(java.util.Arrays.stream(greedy).boxed().toArray(Integer[]::new));
    }
  }

  @org.junit.jupiter.api.Test
  void referenceFoldersCoverTheIntendedVariants() {
    assertThat(ModelLoader.load(ROOT.resolve("tiny-llama-rope-dynamic")).config().ropeScaling().type())
        .isEqualTo(RopeScaling.Type.DYNAMIC);
    DecoderModel qwen3 = ModelLoader.load(ROOT.resolve("tiny-qwen3"));
    assertThat(qwen3.config().family()).isEqualTo(Family.QWEN3);
    assertThat(qwen3.config().headDim() * qwen3.config().numAttentionHeads()).isNotEqualTo(qwen3.config().hiddenSize());
  }
}
