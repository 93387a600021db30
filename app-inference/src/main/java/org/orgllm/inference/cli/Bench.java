package org.orgllm.inference.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.orgllm.inference.model.DecoderModel;
import org.orgllm.inference.model.KvCache;
import org.orgllm.inference.model.Row;

/**
 * Timing of one prefill and a run of single-token decode steps, as the {@code bench} subcommand
 * prints it. Decode is bandwidth bound, so {@code weightGbPerSecond} (checkpoint bytes read per
 * decode step over its time) is the number to compare with the machine's DRAM bandwidth.
 */
public record Bench(
    @JsonProperty("prompt_tokens") int promptTokens,
    @JsonProperty("decode_steps") int decodeSteps,
    @JsonProperty("prefill_ms") double prefillMs,
    @JsonProperty("prefill_tokens_per_s") double prefillTokensPerSecond,
    @JsonProperty("decode_ms_per_token") double decodeMsPerToken,
    @JsonProperty("decode_tokens_per_s") double decodeTokensPerSecond,
    @JsonProperty("weight_gb_per_s") double weightGbPerSecond) {

  /** Runs a prefill of {@code promptTokens} ids and {@code steps} decode steps on a fresh cache. */
  public static Bench run(DecoderModel model, int promptTokens, int steps, long weightBytes) {
    int vocab = model.config().vocabSize();
    int[] prompt = new int[promptTokens];
    for (int i = 0; i < promptTokens; i++) {
      prompt[i] = (int) ((i * 7919L) % vocab);
    }
    try (KvCache cache = KvCache.of(model)) {
      long t0 = System.nanoTime();
      model.forward(List.of(Row.of(cache, prompt))).lastLogits().close();
      long t1 = System.nanoTime();
      for (int s = 0; s < steps; s++) {
        model.forward(List.of(Row.of(cache, (s * 31) % vocab))).lastLogits().close();
      }
      long t2 = System.nanoTime();
      double prefillS = (t1 - t0) / 1e9;
      double perToken = steps == 0 ? 0 : (t2 - t1) / 1e9 / steps;
      return new Bench(promptTokens, steps, prefillS * 1e3, promptTokens / prefillS, perToken * 1e3,
          perToken == 0 ? 0 : 1 / perToken, perToken == 0 ? 0 : weightBytes / perToken / 1e9);
    }
  }
}
