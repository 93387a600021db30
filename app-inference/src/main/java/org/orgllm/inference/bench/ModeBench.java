package org.orgllm.inference.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.orgllm.inference.config.ModelConfig;
import org.orgllm.inference.model.DecoderModel;
import org.orgllm.inference.model.KvCache;
import org.orgllm.inference.model.Row;
import org.orgllm.inference.torch.Tensors;

/**
 * Timings of one loaded model: prefill of a prompt (median of several fresh caches), time to first
 * token, greedy decode on the last of those caches, and the process's peak RSS. Decode is bandwidth
 * bound, so {@code weightGbPerSecond} (weight bytes read per step over its time) is the number to
 * compare with the machine's memory bandwidth.
 *
 * @param dtype how the weights are held
 * @param decodeThreads Java threads per single-row projection
 * @param promptTokens prompt length
 * @param decodeSteps decoded tokens
 * @param prefillMs median prefill forward time
 * @param prefillTokensPerSecond prompt tokens over the median prefill time
 * @param prefillNominalGflops {@code 2 · parameters · promptTokens / prefill time} (the formula;
 *     the LM head is counted for every token although only the last one's logits are computed)
 * @param prefillExecutedGflops the FLOPs actually run: {@code 2 · tokens · layer-projection weights
 *     + 2 · LM-head weights (last token) + 4 · layers · heads · headDim · tokens·(tokens+1)/2}
 *     (causal QK^T and PV), over the prefill time
 * @param timeToFirstTokenMs median of prefill plus picking the first token
 * @param decodeMsPerToken mean decode step
 * @param decodeMedianMsPerToken median decode step
 * @param decodeTokensPerSecond decoded tokens over total decode time
 * @param weightBytesPerToken projection and LM-head bytes read per decode step
 * @param weightGbPerSecond weight bytes per token over the mean step time
 * @param parameters parameters (tied embedding counted once)
 * @param peakRssMb VmHWM of this process
 */
public record ModeBench(
    @JsonProperty("dtype") String dtype,
    @JsonProperty("decode_threads") int decodeThreads,
    @JsonProperty("prompt_tokens") int promptTokens,
    @JsonProperty("decode_steps") int decodeSteps,
    @JsonProperty("prefill_ms") double prefillMs,
    @JsonProperty("prefill_tokens_per_s") double prefillTokensPerSecond,
    @JsonProperty("prefill_nominal_gflop_per_s") double prefillNominalGflops,
    @JsonProperty("prefill_executed_gflop_per_s") double prefillExecutedGflops,
    @JsonProperty("time_to_first_token_ms") double timeToFirstTokenMs,
    @JsonProperty("decode_ms_per_token") double decodeMsPerToken,
    @JsonProperty("decode_median_ms_per_token") double decodeMedianMsPerToken,
    @JsonProperty("decode_tokens_per_s") double decodeTokensPerSecond,
    @JsonProperty("weight_bytes_per_token") long weightBytesPerToken,
    @JsonProperty("weight_gb_per_s") double weightGbPerSecond,
    @JsonProperty("parameters") long parameters,
    @JsonProperty("peak_rss_mb") double peakRssMb) {

  /**
   * Decode steps before timing: the fused decode step's Java code runs interpreted, then compiled
   * in tiers during its first steps (which took up to twice as long in the benchmark).
   */
  static final int WARM_UP_STEPS = 32;

  /**
   * Warms up (pages the weights in, lets the JIT compile the Java paths: {@link #WARM_UP_STEPS}
   * decode steps, as a server runs long), then times {@code prefillRuns} prefills of {@code
   * promptTokens} ids and {@code steps} greedy decode steps.
   */
  public static ModeBench run(DecoderModel model, String dtype, int promptTokens, int steps, int prefillRuns) {
    ModelConfig c = model.config();
    int vocab = c.vocabSize();
    int[] prompt = new int[promptTokens];
    for (int i = 0; i < promptTokens; i++) {
      prompt[i] = (int) ((i * 7919L + 11) % vocab);
    }
    try (KvCache warm = KvCache.of(model)) {
      int next = firstToken(model, warm, Arrays.copyOf(prompt, Math.min(8, promptTokens)));
      for (int s = 0; s < WARM_UP_STEPS; s++) {
        next = firstToken(model, warm, new int[] {next});
      }
    }
    double[] prefill = new double[prefillRuns];
    double[] ttft = new double[prefillRuns];
    KvCache cache = null;
    int next = 0;
    for (int r = 0; r < prefillRuns; r++) {
      if (cache != null) {
        cache.close();
      }
      cache = KvCache.of(model);
      long t0 = System.nanoTime();
      try (Tensor logits = model.forward(List.of(Row.of(cache, prompt))).lastLogits()) {
        long t1 = System.nanoTime();
        next = argmax(logits);
        long t2 = System.nanoTime();
        prefill[r] = (t1 - t0) / 1e6;
        ttft[r] = (t2 - t0) / 1e6;
      }
    }
    double[] step = new double[steps];
    long d0 = System.nanoTime();
    for (int s = 0; s < steps; s++) {
      long t0 = System.nanoTime();
      next = firstToken(model, cache, new int[] {next});
      step[s] = (System.nanoTime() - t0) / 1e6;
    }
    double decodeS = (System.nanoTime() - d0) / 1e9;
    cache.close();

    double prefillS = median(prefill) / 1e3;
    long params = model.parameterCount();
    long layerWeights = params - (long) vocab * c.hiddenSize();
    double attention = 4.0 * c.numHiddenLayers() * c.numAttentionHeads() * c.headDim()
        * promptTokens * (promptTokens + 1.0) / 2;
    double executed = 2.0 * promptTokens * layerWeights + 2.0 * vocab * c.hiddenSize() + attention;
    long bytes = model.decodeWeightBytes();
    double perToken = steps == 0 ? 0 : decodeS / steps;
    return new ModeBench(dtype, model.options().decodeThreads(), promptTokens, steps, prefillS * 1e3,
        promptTokens / prefillS, 2.0 * params * promptTokens / prefillS / 1e9, executed / prefillS / 1e9,
        median(ttft), perToken * 1e3, steps == 0 ? 0 : median(step), perToken == 0 ? 0 : 1 / perToken, bytes,
        perToken == 0 ? 0 : bytes / perToken / 1e9, params, processPeakRssMb());
  }

  private static int firstToken(DecoderModel model, KvCache cache, int[] tokens) {
    try (Tensor logits = model.forward(List.of(Row.of(cache, tokens))).lastLogits()) {
      return argmax(logits);
    }
  }

  private static int argmax(Tensor logits) {
    return (int) Tensors.toLongs(logits.argmax())[0];
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length == 0 ? 0 : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** VmHWM (peak resident set) of this process in MB, or -1 where /proc is unavailable. */
  public static double processPeakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
