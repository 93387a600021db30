package org.orgllm.inference.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.bytedeco.pytorch.Tensor;
import org.orgllm.inference.lora.LoraAdapter;
import org.orgllm.inference.model.DecoderModel;
import org.orgllm.inference.model.ForwardResult;
import org.orgllm.inference.model.GreedyDecoder;
import org.orgllm.inference.model.KvCache;
import org.orgllm.inference.model.Row;
import org.orgllm.inference.torch.Tensors;

/**
 * The numbers Hugging Face's reference run records for a prompt ({@code model_cases} of
 * expected.json): statistics of the full-prompt logits and a greedy continuation with KV cache.
 * Field names serialise exactly as in expected.json.
 */
public record LogitsReport(
    @JsonProperty("ids") int[] ids,
    @JsonProperty("logits_shape") int[] logitsShape,
    @JsonProperty("last_logits_first8") float[] lastLogitsFirst8,
    @JsonProperty("last_argmax") int lastArgmax,
    @JsonProperty("last_top5_ids") int[] lastTop5Ids,
    @JsonProperty("last_top5_values") float[] lastTop5Values,
    @JsonProperty("last_logits_sum") double lastLogitsSum,
    @JsonProperty("logits_sum") double logitsSum,
    @JsonProperty("logits_sumsq") double logitsSumsq,
    @JsonProperty("greedy_new_ids") int[] greedyNewIds,
    @JsonProperty("stopped_on_eos") boolean stoppedOnEos) {

  /**
   * Runs the full prompt once (all positions' logits), then a greedy decode of up to {@code steps}
   * tokens that stops on the model's eos ids unless {@code ignoreEos}.
   */
  public static LogitsReport compute(
      DecoderModel model, LoraAdapter adapter, int[] ids, int steps, boolean ignoreEos) {
    int vocab = model.config().vocabSize();
    float[] all;
    try (KvCache cache = KvCache.of(model)) {
      ForwardResult result = model.forward(List.of(new Row(cache, ids, adapter)), true);
      Tensor logits = result.rowLogits(0); // (tokens, vocab)
      all = Tensors.toFloats(logits);
    }
    double sum = 0;
    double sumsq = 0;
    for (float f : all) {
      sum += f;
      sumsq += (double) f * f;
    }
    float[] last = new float[vocab];
    System.arraycopy(all, (ids.length - 1) * vocab, last, 0, vocab);
    double lastSum = 0;
    for (float f : last) {
      lastSum += f;
    }
    int[] top5 = IntStream.range(0, vocab).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> -last[i]).thenComparingInt(i -> i))
        .limit(5).mapToInt(Integer::intValue).toArray();
    float[] top5Values = new float[top5.length];
    for (int i = 0; i < top5.length; i++) {
      top5Values[i] = last[top5[i]];
    }
    float[] first8 = new float[Math.min(8, vocab)];
    System.arraycopy(last, 0, first8, 0, first8.length);
    Set<Integer> stops = ignoreEos ? Set.of() : Set.copyOf(model.generationConfig().eosTokenIds());
    GreedyDecoder.Result greedy = new GreedyDecoder(model).generate(ids, adapter, steps, stops);
    return new LogitsReport(
        ids.clone(),
        new int[] {ids.length, vocab},
        first8,
        GreedyDecoder.argmax(last),
        top5,
        top5Values,
        lastSum,
        sum,
        sumsq,
        greedy.newIds(),
        greedy.stoppedOnEos());
  }
}
