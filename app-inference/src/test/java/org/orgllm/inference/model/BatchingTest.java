package org.orgllm.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orgllm.inference.Fixtures;
import org.orgllm.inference.lora.LoraAdapter;
import org.orgllm.inference.torch.Tensors;

/** Properties of the batched, cached forward that must hold whatever the weights. */
class BatchingTest {

  private static DecoderModel model;
  private static LoraAdapter acme;

  @BeforeAll
  static void load() {
    model = ModelLoader.load(Fixtures.folder("tiny-qwen2"));
    acme = LoraAdapter.load(Fixtures.folder("tiny-qwen2-lora-acme"), model.config());
  }

  private static float[][] rowsOf(float[] flat, int rows, int vocab) {
    float[][] out = new float[rows][];
    for (int r = 0; r < rows; r++) {
      out[r] = Arrays.copyOfRange(flat, r * vocab, (r + 1) * vocab);
    }
    return out;
  }


  /** Logits of every position of {@code ids} from one full forward. */
  private static float[][] full(int[] ids, LoraAdapter adapter) {
    try (KvCache cache = KvCache.of(model)) {
      float[] all = Tensors.toFloats(model.forward(List.of(new Row(cache, ids, adapter)), true).allLogits());
      return rowsOf(all, ids.length, model.config().vocabSize());
    }
  }

  @Test
  void decodingWithTheCacheEqualsAFullForward() {
    int[] ids = {298, 117, 115, 267, 10, 274, 44, 269, 104, 111};
    float[][] expected = full(ids, null);
    try (KvCache cache = KvCache.of(model)) {
      // A prefill chunk of 4, a chunk of 3 (several new tokens against a non-empty cache), then single tokens.
      int[][] chunks = {{298, 117, 115, 267}, {10, 274, 44}, {269}, {104}, {111}};
      int pos = 0;
      for (int[] chunk : chunks) {
        float[] all = Tensors.toFloats(model.forward(List.of(Row.of(cache, chunk)), true).allLogits());
        float[][] got = rowsOf(all, chunk.length, model.config().vocabSize());
        for (int t = 0; t < chunk.length; t++) {
          assertThat(Fixtures.maxAbsDiff(got[t], expected[pos + t])).as("position %d", pos + t).isLessThan(1e-5f);
        }
        pos += chunk.length;
      }
      assertThat(cache.length()).isEqualTo(ids.length);
    }
  }

  @Test
  void aMixedBatchEqualsEachRowAlone() {
    int[][] prompts = {{1, 2, 3}, {298, 117, 115, 267, 10, 274, 44}, {42}, {13, 204, 31, 293, 121}};
    LoraAdapter[] adapters = {null, acme, acme, null};
    List<KvCache> caches = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < prompts.length; r++) {
      caches.add(KvCache.of(model));
      rows.add(new Row(caches.get(r), prompts[r], adapters[r]));
    }
    // Step 1: prefill all four rows in one batch.
    ForwardResult prefill = model.forward(rows, true);
    float[][] last = rowsOf(Tensors.toFloats(prefill.lastLogits()), prompts.length, model.config().vocabSize());
    for (int r = 0; r < prompts.length; r++) {
      float[][] alone = full(prompts[r], adapters[r]);
      assertThat(Fixtures.maxAbsDiff(last[r], alone[alone.length - 1])).as("row %d last", r).isLessThan(1e-5f);
      float[] batchedRow = Tensors.toFloats(prefill.rowLogits(r));
      assertThat(Fixtures.maxAbsDiff(batchedRow, flatten(alone))).as("row %d all positions", r).isLessThan(1e-5f);
    }
    // Step 2: one decode token per row, still batched, against caches of different lengths.
    int[] next = {7, 8, 9, 10};
    List<Row> decode = new ArrayList<>();
    for (int r = 0; r < prompts.length; r++) {
      decode.add(new Row(caches.get(r), new int[] {next[r]}, adapters[r]));
    }
    float[][] step = rowsOf(Tensors.toFloats(model.forward(decode).lastLogits()), prompts.length, model.config().vocabSize());
    for (int r = 0; r < prompts.length; r++) {
      int[] extended = Arrays.copyOf(prompts[r], prompts[r].length + 1);
      extended[prompts[r].length] = next[r];
      float[][] alone = full(extended, adapters[r]);
      assertThat(Fixtures.maxAbsDiff(step[r], alone[alone.length - 1])).as("row %d decode", r).isLessThan(1e-5f);
    }
    caches.forEach(KvCache::close);
  }

  @Test
  void theAdapterChangesTheLogits() {
    int[] ids = {1, 2, 3};
    assertThat(Fixtures.maxAbsDiff(full(ids, null)[2], full(ids, acme)[2])).isGreaterThan(0.1f);
  }

  @Test
  void aMergedAdapterEqualsTheUnmergedOne() {
    DecoderModel merged = ModelLoader.load(Fixtures.folder("tiny-qwen2"));
    merged.mergeAdapter(acme);
    int[] ids = {298, 117, 115, 267, 10, 274, 44};
    float[][] unmerged = full(ids, acme);
    try (KvCache cache = KvCache.of(merged)) {
      float[] all = Tensors.toFloats(merged.forward(List.of(Row.of(cache, ids)), true).allLogits());
      assertThat(Fixtures.maxAbsDiff(all, flatten(unmerged))).isLessThan(1e-4f);
    }
    // The base model, whose weights are zero-copy views of the same file, is unchanged.
    assertThat(Fixtures.maxAbsDiff(full(ids, null)[6], full(ids, acme)[6])).isGreaterThan(0.1f);
  }

  @Test
  void aBatchCannotUseOneCacheTwice() {
    try (KvCache cache = KvCache.of(model)) {
      assertThatThrownBy(() -> model.forward(List.of(Row.of(cache, 1), Row.of(cache, 2))))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reuses the KV cache");
    }
  }

  @Test
  void tokenIdsOutsideTheVocabularyAreRejected() {
    try (KvCache cache = KvCache.of(model)) {
      assertThatThrownBy(() -> model.forward(List.of(Row.of(cache, 300))))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("300");
      assertThat(cache.length()).isZero();
    }
  }

  @Test
  void aForwardThatFailsHalfwayLeavesTheCacheAsItWas() {
    var folder = Fixtures.folder("tiny-qwen2");
    var config = org.orgllm.inference.config.ModelConfig.read(folder);
    var generation = org.orgllm.inference.config.GenerationConfig.read(folder);
    var weights = new WeightLoader(org.orgllm.inference.safetensors.SafetensorsIndex.open(folder), LoadOptions.defaults());
    boolean[] fail = {false};
    DecoderModel flaky = new org.orgllm.inference.model.qwen2.Qwen2Model(config, generation, weights, LoadOptions.defaults()) {
      @Override
      protected RmsNorm keyNorm(int layer) {
        if (fail[0] && layer == 1) {
          throw new IllegalStateException("boom");
        }
        return null;
      }
    };
    try (KvCache cache = KvCache.of(flaky)) {
      flaky.forward(List.of(Row.of(cache, 298, 117, 115)));
      fail[0] = true;
      assertThatThrownBy(() -> flaky.forward(List.of(Row.of(cache, 267, 10)))).hasMessage("boom");
      assertThat(cache.length()).isEqualTo(3);
      fail[0] = false;
      float[] resumed = Tensors.toFloats(flaky.forward(List.of(Row.of(cache, 267, 10))).lastLogits());
      float[][] expected = full(new int[] {298, 117, 115, 267, 10}, null);
      assertThat(Fixtures.maxAbsDiff(resumed, expected[4])).isLessThan(1e-5f);
    }
  }

  private static float[] flatten(float[][] rows) {
    float[] out = new float[rows.length * rows[0].length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, out, r * rows[r].length, rows[r].length);
    }
    return out;
  }
}
