package org.orgllm.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgllm.inference.Fixtures;
import org.orgllm.inference.cli.LogitsReport;
import org.orgllm.inference.lora.LoraAdapter;

/**
 * Every {@code model_cases} entry of expected.json, through the same {@link LogitsReport} the CLI
 * prints; the bf16 checkpoint runs with weights held as bf16 and as fp32.
 */
class ModelCasesTest {

  private static final Map<String, DecoderModel> MODELS = new HashMap<>();
  private static final Map<String, LoraAdapter> ADAPTERS = new HashMap<>();

  static Stream<Arguments> cases() {
    List<Arguments> args = new ArrayList<>();
    for (JsonNode c : Fixtures.expected().get("model_cases")) {
      String label = c.get("model").asText() + (c.get("adapter").isNull() ? "" : "+" + c.get("adapter").asText())
          + " " + c.get("name").asText() + (c.path("ignore_eos").asBoolean() ? " ignore_eos" : "");
      args.add(Arguments.of(label + " [fp32 weights]", c, WeightDtype.FP32));
      if (c.get("model").asText().endsWith("bf16")) {
        args.add(Arguments.of(label + " [bf16 weights]", c, WeightDtype.BF16));
      }
    }
    return args.stream();
  }

  private static synchronized DecoderModel model(String name, WeightDtype dtype) {
    return MODELS.computeIfAbsent(name + "/" + dtype,
        k -> ModelLoader.load(Fixtures.folder(name), LoadOptions.defaults().withWeightDtype(dtype)));
  }

  private static synchronized LoraAdapter adapter(String name, DecoderModel base) {
    return ADAPTERS.computeIfAbsent(name, k -> LoraAdapter.load(Fixtures.folder(name), base.config()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesHuggingFace(String label, JsonNode c, WeightDtype dtype) {
    DecoderModel model = model(c.get("model").asText(), dtype);
    LoraAdapter adapter = c.get("adapter").isNull() ? null : adapter(c.get("adapter").asText(), model);
    double tol = c.get("model").asText().endsWith("bf16") ? 1e-3 : 1e-4;
    int[] ids = Fixtures.ints(c.get("ids"));

    LogitsReport r = LogitsReport.compute(model, adapter, ids, c.get("steps").asInt(), c.path("ignore_eos").asBoolean());

    assertThat(r.logitsShape()).containsExactly(Fixtures.ints(c.get("logits_shape")));
    for (int i = 0; i < 8; i++) {
      assertThat((double) r.lastLogitsFirst8()[i]).as("last_logits_first8[%d]", i)
          .isCloseTo(c.get("last_logits_first8").get(i).asDouble(), within(tol));
    }
    for (int i = 0; i < 5; i++) {
      assertThat((double) r.lastTop5Values()[i]).as("last_top5_values[%d]", i)
          .isCloseTo(c.get("last_top5_values").get(i).asDouble(), within(tol));
    }
    assertRelative("last_logits_sum", r.lastLogitsSum(), c.get("last_logits_sum").asDouble(), r);
    assertRelative("logits_sum", r.logitsSum(), c.get("logits_sum").asDouble(), r);
    assertRelative("logits_sumsq", r.logitsSumsq(), c.get("logits_sumsq").asDouble(), r);
    if (c.get("greedy_min_top2_gap").asDouble() > 1e-3) {
      assertThat(r.lastArgmax()).isEqualTo(c.get("last_argmax").asInt());
      assertThat(r.lastTop5Ids()).containsExactly(Fixtures.ints(c.get("last_top5_ids")));
      assertThat(r.greedyNewIds()).containsExactly(Fixtures.ints(c.get("greedy_new_ids")));
      assertThat(r.stoppedOnEos()).isEqualTo(c.get("stopped_on_eos").asBoolean());
    }
  }

  /**
   * Sums within 1e-4 relative. A sum that cancels to near zero is ill-conditioned (random_96's
   * logits_sum is -1.37 over 28,800 logits of magnitude ~1, so fp32 noise of 1e-6 per logit adds up
   * to ~2e-4): there the error is taken relative to the L2 norm of all logits instead.
   */
  private static void assertRelative(String what, double actual, double expected, LogitsReport r) {
    double scale = Math.max(Math.abs(expected), Math.sqrt(r.logitsSumsq()));
    assertThat(Math.abs(actual - expected) / scale).as("%s: %s vs %s", what, actual, expected).isLessThan(1e-4);
  }
}
