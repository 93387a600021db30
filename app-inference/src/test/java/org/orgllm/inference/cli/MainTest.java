package org.orgllm.inference.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orgllm.inference.Fixtures;

class MainTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static JsonNode modelCase(String model, String adapter, String name, boolean ignoreEos) {
    for (JsonNode c : Fixtures.expected().get("model_cases")) {
      if (c.get("model").asText().equals(model) && c.get("name").asText().equals(name)
          && c.get("adapter").asText("null").equals(adapter == null ? "null" : adapter)
          && c.path("ignore_eos").asBoolean() == ignoreEos) {
        return c;
      }
    }
    throw new IllegalArgumentException(name);
  }

  @Test
  void logitsPrintsOneJsonObjectWithExactlyTheModelCaseFields() throws Exception {
    JsonNode expected = modelCase("tiny-qwen2", "tiny-qwen2-lora-acme", "short_1_2_3", true);
    Run r = run("logits", "--model", Fixtures.folder("tiny-qwen2").toString(),
        "--adapter", Fixtures.folder("tiny-qwen2-lora-acme").toString(), "--ids", "1,2,3", "--ignore-eos");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().strip().lines()).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(r.out());
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrder("ids", "logits_shape", "last_logits_first8", "last_argmax",
        "last_top5_ids", "last_top5_values", "last_logits_sum", "logits_sum", "logits_sumsq", "greedy_new_ids",
        "stopped_on_eos");
    for (String f : List.of("ids", "logits_shape", "last_argmax", "last_top5_ids", "greedy_new_ids", "stopped_on_eos")) {
      assertThat(json.get(f)).as(f).isEqualTo(expected.get(f));
    }
    assertThat(json.get("logits_sum").asDouble()).isCloseTo(expected.get("logits_sum").asDouble(), within(1e-3));
    assertThat(json.get("last_logits_first8").get(0).asDouble())
        .isCloseTo(expected.get("last_logits_first8").get(0).asDouble(), within(1e-4));
  }

  @Test
  void logitsStopsOnEosUnlessIgnored() throws Exception {
    Run r = run("logits", "--model", Fixtures.folder("tiny-qwen2-bf16").toString(), "--ids", "1,2,3", "--dtype", "bf16");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    JsonNode expected = modelCase("tiny-qwen2-bf16", null, "short_1_2_3", false);
    assertThat(json.get("greedy_new_ids")).isEqualTo(expected.get("greedy_new_ids"));
    assertThat(json.get("stopped_on_eos").asBoolean()).isTrue();
  }

  @Test
  void generateDecodesGreedily() {
    Run r = run("generate", "--model", Fixtures.folder("tiny-qwen2").toString(), "--prompt", "Hello world! The answer is 42.",
        "--max-new-tokens", "8");
    assertThat(r.code()).as(r.err()).isZero();
    // hello_text's greedy continuation [286, 272, 99, 189, 249, 101, 272, 272], decoded by the tiny tokenizer.
    JsonNode c = modelCase("tiny-qwen2", null, "hello_text", false);
    try (var tok = org.orgllm.inference.tokenizer.Tokenizer.load(Fixtures.folder("tiny-qwen2"))) {
      assertThat(r.out()).isEqualTo(tok.decode(Fixtures.ints(c.get("greedy_new_ids")), true) + System.lineSeparator());
    }
  }

  @Test
  void benchPrintsTimings() throws Exception {
    Run r = run("bench", "--model", Fixtures.folder("tiny-qwen2").toString(), "--prompt-tokens", "16", "--steps", "4",
        "--decode-threads", "2");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("prompt_tokens").asInt()).isEqualTo(16);
    assertThat(json.get("decode_steps").asInt()).isEqualTo(4);
    assertThat(json.get("prefill_ms").asDouble()).isPositive();
    assertThat(json.get("decode_tokens_per_s").asDouble()).isPositive();
    assertThat(json.get("weight_gb_per_s").asDouble()).isPositive();
    assertThat(run("bench", "--model", Fixtures.folder("tiny-qwen2").toString(), "--decode-threads", "0").code())
        .isEqualTo(2);
  }

  @Test
  void badUsageExitsWith2AndLoadErrorsWith1() {
    assertThat(run().code()).isEqualTo(2);
    assertThat(run("logits", "--ids", "1").err()).contains("--model is required");
    assertThat(run("logits", "--model", "x", "--ids", "a,b").code()).isEqualTo(1); // folder checked first
    Run missing = run("logits", "--model", "/nonexistent/model", "--ids", "1");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("/nonexistent/model");
    assertThat(run("frobnicate").code()).isEqualTo(2);
  }
}
