package org.orgllm.inference.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import org.orgllm.inference.lora.LoraAdapter;
import org.orgllm.inference.torch.Tensors;

/**
 * Greedy decoding with a KV cache: prefill the prompt, then feed back the argmax one token at a time
 * until a stop id or the step budget.
 */
public final class GreedyDecoder {

  /**
   * What a greedy run produced.
   *
   * @param newIds generated ids (including the stop id when it ended the run)
   * @param stoppedOnEos whether a stop id ended the run
   * @param minTop2Gap smallest gap between the best and second-best logit over the steps
   */
  public record Result(int[] newIds, boolean stoppedOnEos, double minTop2Gap) {}

  private final DecoderModel model;

  /** A decoder for {@code model}. */
  public GreedyDecoder(DecoderModel model) {
    this.model = model;
  }

  /**
   * Generates up to {@code maxNewTokens} tokens after {@code prompt}.
   *
   * @param adapter LoRA adapter or null
   * @param stopIds ids that end generation (empty: run the full budget)
   */
  public Result generate(int[] prompt, LoraAdapter adapter, int maxNewTokens, Set<Integer> stopIds) {
    return generate(prompt, adapter, maxNewTokens, stopIds::contains, id -> {});
  }

  /**
   * Generates, calling {@code onToken} after each new id (for streaming).
   *
   * @param isStop whether an id ends generation
   */
  public Result generate(
      int[] prompt, LoraAdapter adapter, int maxNewTokens, IntPredicate isStop, IntConsumer onToken) {
    List<Integer> out = new ArrayList<>();
    double minGap = Double.POSITIVE_INFINITY;
    boolean stopped = false;
    try (KvCache cache = KvCache.of(model)) {
      int[] next = prompt;
      for (int step = 0; step < maxNewTokens; step++) {
        ForwardResult result = model.forward(List.of(new Row(cache, next, adapter)));
        float[] logits = Tensors.toFloats(result.lastLogits());
        result.lastLogits().close();
        int best = argmax(logits);
        minGap = Math.min(minGap, top2Gap(logits, best));
        out.add(best);
        onToken.accept(best);
        if (isStop.test(best)) {
          stopped = true;
          break;
        }
        next = new int[] {best};
      }
    }
    return new Result(out.stream().mapToInt(Integer::intValue).toArray(), stopped, minGap);
  }

  /** Index of the largest value (the first one on ties, like torch.argmax). */
  public static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  private static double top2Gap(float[] values, int best) {
    double second = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.length; i++) {
      if (i != best) {
        second = Math.max(second, values[i]);
      }
    }
    return values[best] - second;
  }
}
