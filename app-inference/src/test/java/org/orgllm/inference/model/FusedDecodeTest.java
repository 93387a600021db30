package org.orgllm.inference.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgllm.inference.Fixtures;
import org.orgllm.inference.engine.RandomCheckpoints;
import org.orgllm.inference.lora.LoraAdapter;
import org.orgllm.inference.torch.Tensors;

/**
 * The fused decode step against the libtorch path it replaces, on every family and rope variant the
 * test models cover, fp32 and bf16 weights, one to three threads (three leaves a thread without KV
 * heads on these models) and batches that mix adapters and positions. The reference vectors of
 * {@link ModelCasesTest} and {@link ReferenceModelsTest} go through the fused step too.
 */
class FusedDecodeTest {

  private static final Path REFERENCE = Path.of("src/test/resources/reference");
  private static final float TOL = 2e-5f;

  @TempDir
  static Path temp;

  private static Path secondAdapter;

  @BeforeAll
  static void writeSecondAdapter() throws IOException {
    secondAdapter = temp.resolve("tiny-qwen2-lora-second");
    RandomCheckpoints.writeAdapter(secondAdapter, org.orgllm.inference.config.ModelConfig.read(Fixtures.folder("tiny-qwen2")),
        4, 7, "tiny-qwen2", 0.2);
  }

  static Stream<Arguments> models() {
    List<Arguments> args = new ArrayList<>();
    List<Path> folders = List.of(Fixtures.folder("tiny-qwen2"), Fixtures.folder("tiny-qwen2-bf16"),
        REFERENCE.resolve("tiny-qwen3"), REFERENCE.resolve("tiny-mistral"), REFERENCE.resolve("tiny-llama-bias"),
        REFERENCE.resolve("tiny-llama-rope-llama3"), REFERENCE.resolve("tiny-llama-rope-dynamic"));
    for (Path folder : folders) {
      for (int threads : new int[] {1, 2, 3}) {
        args.add(Arguments.of(folder.getFileName().toString(), folder, threads, WeightDtype.STORED));
      }
    }
    args.add(Arguments.of("tiny-qwen2 as bf16", Fixtures.folder("tiny-qwen2"), 2, WeightDtype.BF16));
    return args.stream();
  }

  @ParameterizedTest(name = "{0}, {2} threads, {3}")
  @MethodSource("models")
  void decodeStepsEqualTheLibtorchPath(String name, Path folder, int threads, WeightDtype dtype) {
    LoadOptions options = new LoadOptions(dtype, LoadOptions.defaults().device(), threads);
    try (DecoderModel model = ModelLoader.load(folder, options)) {
      assertThat(model.fusedDecode()).as("the fused step is used for %s", name).isTrue();
      int vocab = model.config().vocabSize();
      // Prompts of different lengths, so rows sit at different positions; 20 steps pass Mistral's
      // sliding window of 8 and the dynamic rope's max_position_embeddings of the test models.
      int[][] prompts = {{5, 17, 3, 42, 8, 11, 9}, {7}, {60, 2, 33}};
      float[][][] fused = decode(model, prompts, 20, true);
      float[][][] plain = decode(model, prompts, 20, false);
      for (int s = 0; s < fused.length; s++) {
        for (int r = 0; r < prompts.length; r++) {
          assertThat(Fixtures.maxAbsDiff(fused[s][r], plain[s][r])).as("%s step %d row %d", name, s, r).isLessThan(TOL);
          assertThat(fused[s][r]).hasSize(vocab);
        }
      }
    }
  }

  @Test
  void aBatchMixingAdaptersEqualsTheLibtorchPath() {
    try (DecoderModel model = ModelLoader.load(Fixtures.folder("tiny-qwen2"));
        LoraAdapter acme = LoraAdapter.load(Fixtures.folder("tiny-qwen2-lora-acme"), model.config());
        LoraAdapter second = LoraAdapter.load(secondAdapter, model.config())) {
      LoraAdapter[] adapters = {acme, null, second, acme, second};
      int[][] prompts = {{5, 17, 3}, {7, 1}, {60, 2, 33, 4, 4}, {9}, {12, 13}};
      float[][][] fused = decode(model, prompts, adapters, 6, true);
      float[][][] plain = decode(model, prompts, adapters, 6, false);
      for (int s = 0; s < fused.length; s++) {
        for (int r = 0; r < prompts.length; r++) {
          assertThat(Fixtures.maxAbsDiff(fused[s][r], plain[s][r])).as("step %d row %d", s, r).isLessThan(TOL);
        }
      }
      // The adapters matter: a row with acme differs from the same prompt without it.
      float[][][] without = decode(model, new int[][] {{5, 17, 3}}, new LoraAdapter[] {null}, 1, true);
      assertThat(Fixtures.maxAbsDiff(without[0][0], fused[0][0])).isGreaterThan(1e-3f);
    }
  }

  @Test
  void twelveRowsOfRandomTokensEqualEachRowAlone() {
    try (DecoderModel model = ModelLoader.load(Fixtures.folder("tiny-qwen2"));
        LoraAdapter acme = LoraAdapter.load(Fixtures.folder("tiny-qwen2-lora-acme"), model.config())) {
      SplittableRandom random = new SplittableRandom(3);
      // More rows than one group of the kernels' blocks and than the libtorch path's vector kernel takes.
      int rows = 12;
      int[][] prompts = new int[rows][];
      LoraAdapter[] adapters = new LoraAdapter[rows];
      for (int r = 0; r < rows; r++) {
        prompts[r] = random.ints(1 + random.nextInt(9), 0, model.config().vocabSize()).toArray();
        adapters[r] = r % 3 == 0 ? acme : null;
      }
      float[][][] batched = decode(model, prompts, adapters, 4, true);
      for (int r = 0; r < rows; r++) {
        float[][][] alone = decode(model, new int[][] {prompts[r]}, new LoraAdapter[] {adapters[r]}, 4, true);
        for (int s = 0; s < 4; s++) {
          assertThat(Fixtures.maxAbsDiff(batched[s][r], alone[s][0])).as("row %d step %d", r, s).isLessThan(TOL);
        }
      }
    }
  }

  @Test
  void theWarmUpLeavesNoTraceAndItsZeroAdapterChangesNothing() {
    try (DecoderModel warmed = ModelLoader.load(Fixtures.folder("tiny-qwen2"));
        DecoderModel fresh = ModelLoader.load(Fixtures.folder("tiny-qwen2"));
        LoraAdapter zeros = LoraAdapter.zeros(fresh.config(), 2)) {
      long before = warmed.fusedSteps();
      warmed.warmUp(8);
      assertThat(warmed.fusedSteps() - before).as("one-row and eight-row steps").isEqualTo(8 + 2);
      int[][] prompt = {{5, 17, 3}, {9, 9}};
      float[][][] afterWarmUp = decode(warmed, prompt, new LoraAdapter[] {null, null}, 4, true);
      float[][][] plain = decode(fresh, prompt, new LoraAdapter[] {null, null}, 4, true);
      float[][][] withZeros = decode(fresh, prompt, new LoraAdapter[] {zeros, null}, 4, true);
      for (int s = 0; s < 4; s++) {
        for (int r = 0; r < 2; r++) {
          assertThat(afterWarmUp[s][r]).as("step %d row %d", s, r).containsExactly(plain[s][r]);
          assertThat(withZeros[s][r]).as("step %d row %d", s, r).containsExactly(plain[s][r]);
        }
      }
    }
  }

  @Test
  void aMergedAdapterIsServedFromTheMergedWeights() {
    try (DecoderModel merged = ModelLoader.load(Fixtures.folder("tiny-qwen2"));
        DecoderModel base = ModelLoader.load(Fixtures.folder("tiny-qwen2"));
        LoraAdapter acme = LoraAdapter.load(Fixtures.folder("tiny-qwen2-lora-acme"), base.config())) {
      merged.mergeAdapter(acme);
      assertThat(merged.fusedDecode()).isTrue();
      int[][] prompt = {{5, 17, 3}};
      float[][][] viaMerge = decode(merged, prompt, new LoraAdapter[] {null}, 3, true);
      float[][][] unmerged = decode(base, prompt, new LoraAdapter[] {acme}, 3, true);
      for (int s = 0; s < 3; s++) {
        assertThat(Fixtures.maxAbsDiff(viaMerge[s][0], unmerged[s][0])).as("step %d", s).isLessThan(1e-4f);
      }
    }
  }

  private static float[][][] decode(DecoderModel model, int[][] prompts, int steps, boolean fused) {
    return decode(model, prompts, new LoraAdapter[prompts.length], steps, fused);
  }

  /**
   * Prefills every prompt (libtorch path), then runs {@code steps} batched decode steps feeding each
   * row its greedy token, with the fused step on or off; returns [step][row] logits.
   */
  private static float[][][] decode(DecoderModel model, int[][] prompts, LoraAdapter[] adapters, int steps,
      boolean fused) {
    model.fusedDecode(fused);
    long fusedBefore = model.fusedSteps();
    int vocab = model.config().vocabSize();
    List<KvCache> caches = new ArrayList<>();
    try {
      int[] next = new int[prompts.length];
      for (int r = 0; r < prompts.length; r++) {
        KvCache cache = KvCache.of(model);
        caches.add(cache);
        float[] logits = Tensors.toFloats(model.forward(List.of(new Row(cache, prompts[r], adapters[r]))).lastLogits());
        next[r] = GreedyDecoder.argmax(logits);
      }
      float[][][] out = new float[steps][prompts.length][];
      for (int s = 0; s < steps; s++) {
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < prompts.length; r++) {
          rows.add(new Row(caches.get(r), new int[] {next[r]}, adapters[r]));
        }
        float[] flat = Tensors.toFloats(model.forward(rows).lastLogits());
        for (int r = 0; r < prompts.length; r++) {
          out[s][r] = Arrays.copyOfRange(flat, r * vocab, (r + 1) * vocab);
          next[r] = GreedyDecoder.argmax(out[s][r]);
        }
      }
      // Every decode step (and the one-token prompts' prefill) took the path asked for.
      assertThat(model.fusedSteps() - fusedBefore).as("fused steps").isGreaterThanOrEqualTo(fused ? steps : 0);
      assertThat(model.fusedDecode()).isEqualTo(fused);
      return out;
    } finally {
      caches.forEach(KvCache::close);
      model.fusedDecode(true);
    }
  }
}
