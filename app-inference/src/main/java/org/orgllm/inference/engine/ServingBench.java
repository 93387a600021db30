package org.orgllm.inference.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.bytedeco.javacpp.PointerScope;
import org.orgllm.inference.config.ModelConfig;
import org.orgllm.inference.lora.LoraAdapter;
import org.orgllm.inference.model.DecoderModel;
import org.orgllm.inference.model.GreedyDecoder;
import org.orgllm.inference.model.LoadOptions;
import org.orgllm.inference.model.WeightDtype;
import org.orgllm.inference.model.ModelLoader;
import org.orgllm.inference.sampling.SamplingParams;
import org.orgllm.inference.torch.TorchRuntime;

/**
 * Manual benchmark (not a test) of serving several organizations from one base model, against the
 * naive design of one merged model copy per organization.
 *
 * <p>Builds once, in {@code --dir} (default: a temporary folder), a random model shaped like
 * Qwen2.5-0.5B (hidden 896, 24 layers, 14 heads, 2 KV heads, intermediate 4864, vocab 151936, tied
 * embeddings, fp32) and four r=16 adapters on all seven projections. Then measures: decode tokens/s of
 * one request alone; aggregate decode tokens/s of eight concurrent requests spread over the four
 * adapters; memory each loaded adapter adds; and the naive alternative (each organization's adapter
 * merged into its own model copy, requests served one at a time).
 *
 * <pre>
 * ./orgllm bench serving [--dir DIR] [--tokens 32] [--prompt-tokens 16] [--rounds 3] [--torch-threads 1]
 * java --enable-native-access=ALL-UNNAMED -Xmx6g -cp app-inference/target/classes:app-inference/target/lib/* \
 *   org.orgllm.inference.engine.ServingBench [--dir DIR] [--tokens 32] [--prompt-tokens 16] [--rounds 3] [--torch-threads 1]
 *   [--phases engine,naive] [--tokenizer DIR] [--decode-threads N] [--dtype fp32|bf16]
 * </pre>
 * The tokenizer folder (default {@code ../shared/fixtures/qwen3-tokenizer}) only supplies
 * {@code tokenizer.json} for the engine's text deltas.
 */
public final class ServingBench {

  private static final String BASE = "qwen2.5-0.5b-shaped";
  private static final int ORGS = 4;
  private static final int CONCURRENT = 8;
  private static final int RANK = 16;

  private final Path root;
  private final int tokens;
  private final int promptTokens;
  private final int rounds;
  private final int torchThreads;
  private final LoadOptions options;
  private final PrintStream out;

  private ServingBench(Path root, int tokens, int promptTokens, int rounds, int torchThreads, LoadOptions options,
      PrintStream out) {
    this.options = options;
    this.root = root;
    this.tokens = tokens;
    this.promptTokens = promptTokens;
    this.rounds = rounds;
    this.torchThreads = torchThreads;
    this.out = out;
  }

  public static void main(String[] args) {
    run(args, System.out);
  }

  /**
   * Runs the benchmark ({@code ./orgllm bench serving [options]}).
   *
   * @throws IllegalArgumentException for an unknown option or a missing value
   */
  public static void run(String[] args, PrintStream out) {
    Path dir = null;
    int tokens = 32;
    int promptTokens = 16;
    int rounds = 3;
    int torchThreads = 1;
    int decodeThreads = LoadOptions.defaults().decodeThreads();
    WeightDtype dtype = WeightDtype.FP32;
    String phases = "engine,naive";
    Path tokenizer = Path.of(System.getProperty("orgllm.fixtures", "../shared/fixtures"), "qwen3-tokenizer");
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      if (value == null) {
        throw new IllegalArgumentException("missing value for " + args[i]);
      }
      switch (args[i]) {
        case "--dir" -> dir = Path.of(value);
        case "--tokens" -> tokens = Integer.parseInt(value);
        case "--prompt-tokens" -> promptTokens = Integer.parseInt(value);
        case "--tokenizer" -> tokenizer = Path.of(value);
        case "--rounds" -> rounds = Integer.parseInt(value);
        case "--torch-threads" -> torchThreads = Integer.parseInt(value);
        case "--decode-threads" -> decodeThreads = Integer.parseInt(value);
        case "--dtype" -> dtype = switch (value) {
          case "fp32" -> WeightDtype.FP32;
          case "bf16" -> WeightDtype.BF16;
          default -> throw new IllegalArgumentException("--dtype must be fp32 or bf16");
        };
        case "--phases" -> phases = value;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    try {
      Path root = (dir != null ? dir : Files.createTempDirectory("orgllm-serving-bench")).resolve("models");
      TorchRuntime.init(torchThreads);
      ServingBench bench = new ServingBench(root, tokens, promptTokens, rounds, torchThreads,
          LoadOptions.defaults().withDecodeThreads(decodeThreads).withWeightDtype(dtype), out);
      bench.prepare(tokenizer);
      bench.run(phases.contains("engine"), phases.contains("naive"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("a benchmark request failed: " + e.getMessage(), e);
    }
  }

  /** Writes the base model and the adapters unless they are already there. */
  private void prepare(Path tokenizer) throws IOException {
    Path base = root.resolve("base").resolve(BASE);
    if (!Files.exists(base.resolve("model.safetensors.index.json"))) {
      long t = System.nanoTime();
      RandomCheckpoints.writeQwen2Model(base, 896, 24, 14, 2, 4864, 151936, 42);
      for (String f : List.of("tokenizer.json", "tokenizer_config.json")) {
        Files.copy(tokenizer.resolve(f), base.resolve(f));
      }
      out.printf("wrote base model in %.1f s%n", seconds(System.nanoTime() - t));
    }
    ModelConfig config = ModelConfig.read(base);
    for (int i = 0; i < ORGS; i++) {
      Path folder = root.resolve("trained").resolve("org-bench-" + i);
      if (!Files.exists(folder.resolve(LoraAdapter.WEIGHTS_FILE))) {
        RandomCheckpoints.writeAdapter(folder, config, RANK, 100 + i, BASE, 0.02);
      }
    }
  }

  private void run(boolean runEngine, boolean runNaive)
      throws IOException, InterruptedException, ExecutionException, TimeoutException {
    Path base = root.resolve("base").resolve(BASE);
    long baseBytes;
    try (Stream<Path> files = Files.list(base)) {
      baseBytes = files.filter(p -> p.toString().endsWith(".safetensors")).mapToLong(ServingBench::size).sum();
    }
    boolean bf16 = options.weightDtype() == WeightDtype.BF16;
    if (bf16) {
      baseBytes /= 2; // the fp32 file, held as bf16
    }
    out.printf("base model: %.3f GB %s weights as held; %d decode tokens per request, %d prompt tokens%n",
        baseBytes / 1e9, bf16 ? "bf16" : "fp32", tokens, promptTokens);
    // The engine phase replaces this file-based figure by the bytes of the loaded tensors.
    long adapterBytes = size(root.resolve("trained/org-bench-0").resolve(LoraAdapter.WEIGHTS_FILE));
    double single = Double.NaN;
    double batched = Double.NaN;
    double batchedCpu = Double.NaN;
    if (runEngine) {
      StepTimes steps = new StepTimes();
      List<Double> singles = new ArrayList<>();
      List<Double> batches = new ArrayList<>();
      List<Double> singlesCpu = new ArrayList<>();
      List<Double> batchesCpu = new ArrayList<>();
      try (InferenceEngine engine = InferenceEngine.open(EngineConfig.builder().modelsRoot(root).baseModel(BASE)
          .maxBatchRows(CONCURRENT).kvBudgetTokens(1 << 16).adapterCacheSize(ORGS).torchThreads(torchThreads)
          .loadOptions(options).metrics(steps).build())) {
        engine.submit(request(-1, 2)).result().get(10, TimeUnit.MINUTES); // pages the base weights in
        long rssBase = rssBytes();
        for (int i = 0; i < ORGS; i++) {
          engine.submit(request(i, 2)).result().get(10, TimeUnit.MINUTES); // loads every adapter
        }
        adapterBytes = engine.registry().loaded().values().stream().mapToLong(Long::longValue).sum() / ORGS;
        out.printf("adapter r=%d on 7 projections: %.1f MB each = %.2f%% of the base model's weights"
            + " (process RSS grew %.1f MB when the %d adapters were loaded and used)%n",
            RANK, adapterBytes / 1e6, 100.0 * adapterBytes / baseBytes, (rssBytes() - rssBase) / 1e6, ORGS);
        // Alternate the two phases so both see the same (shared, noisy) machine; report medians.
        for (int round = 1; round <= rounds; round++) {
          steps.reset(1);
          GenerationResult alone = engine.submit(request(0, tokens)).result().get(30, TimeUnit.MINUTES);
          singles.add(steps.decodeTokensPerSecond());
          singlesCpu.add(steps.decodeTokensPerCpuSecond());
          steps.reset(CONCURRENT);
          long start = System.nanoTime();
          List<GenerationHandle> handles = new ArrayList<>();
          for (int r = 0; r < CONCURRENT; r++) {
            handles.add(engine.submit(request(r % ORGS, tokens)));
          }
          int generated = 0;
          for (GenerationHandle h : handles) {
            generated += h.result().get(30, TimeUnit.MINUTES).usage().completionTokens();
          }
          double wall = generated / seconds(System.nanoTime() - start);
          batches.add(steps.decodeTokensPerSecond());
          batchesCpu.add(steps.decodeTokensPerCpuSecond());
          out.printf("round %d: alone %.2f decode tok/s (inter-token %d ms); %d concurrent over %d adapters %.2f decode"
              + " tok/s (%.2fx), %.2f tok/s wall clock with prefill; per CPU-second of the inference thread:"
              + " alone %.2f, batched %.2f (%.2fx)%n", round, singles.getLast(),
              alone.timings().meanInterToken().toMillis(), CONCURRENT, ORGS, batches.getLast(),
              batches.getLast() / singles.getLast(), wall, singlesCpu.getLast(), batchesCpu.getLast(),
              batchesCpu.getLast() / singlesCpu.getLast());
        }
      }
      single = median(singles);
      batched = median(batches);
      batchedCpu = median(batchesCpu);
      out.printf("median: alone %.2f, batched %.2f decode tok/s: %.2fx; per CPU-second: alone %.2f, batched %.2f: %.2fx%n",
          single, batched, batched / single, median(singlesCpu), batchedCpu, batchedCpu / median(singlesCpu));
    }
    if (runNaive) {
      naive(base, baseBytes, adapterBytes, single, batched, batchedCpu);
    }
  }

  /** One merged model copy per organization, each request served alone on its organization's copy. */
  private void naive(Path base, long baseBytes, long adapterBytes, double single, double batched, double batchedCpu) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long decodeNanos = 0;
    long decodeCpuNanos = 0;
    long decodeTokens = 0;
    long swapNanos = 0;
    for (int i = 0; i < ORGS; i++) {
      long t = System.nanoTime();
      // The scope frees what loading allocates; the model frees its merged weights on close.
      try (PointerScope scope = new PointerScope();
          DecoderModel copy = ModelLoader.load(base, options)) {
        LoraAdapter adapter = LoraAdapter.load(root.resolve("trained/org-bench-" + i), copy.config());
        copy.mergeAdapter(adapter);
        adapter.close();
        swapNanos += System.nanoTime() - t;
        GreedyDecoder decoder = new GreedyDecoder(copy);
        long[] first = {0, 0}; // wall and CPU time at the first token: decode starts there
        GreedyDecoder.Result r = decoder.generate(prompt(i), null, tokens, id -> false, id -> {
          if (first[0] == 0) {
            first[0] = System.nanoTime();
            first[1] = threads.getCurrentThreadCpuTime();
          }
        });
        decodeNanos += System.nanoTime() - first[0];
        decodeCpuNanos += threads.getCurrentThreadCpuTime() - first[1];
        decodeTokens += r.newIds().length - 1;
      }
    }
    double naiveRate = decodeTokens / seconds(decodeNanos);
    double naiveCpu = decodeTokens / seconds(decodeCpuNanos);
    out.printf("naive, one merged copy per organization: %.2f decode tokens/s (requests one at a time), %.2f per"
        + " CPU-second; load + merge %.1f s per organization switch%n", naiveRate, naiveCpu, seconds(swapNanos) / ORGS);
    out.printf("memory for %d organizations: shared base %.3f GB + adapters %.3f GB = %.3f GB; naive %d copies = %.3f GB%n",
        ORGS, baseBytes / 1e9, ORGS * adapterBytes / 1e9, (baseBytes + ORGS * adapterBytes) / 1e9, ORGS,
        ORGS * baseBytes / 1e9);
    out.printf("summary (wall clock): batched %.2f tok/s vs alone %.2f (%.2fx) vs naive %.2f (%.2fx);"
        + " per CPU-second: batched %.2f vs naive %.2f (%.2fx)%n", batched, single, batched / single, naiveRate,
        batched / naiveRate, batchedCpu, naiveCpu, batchedCpu / naiveCpu);
  }

  /** A greedy request of organization {@code bench-<org>}, or of the base model for {@code org < 0}. */
  private GenerationRequest request(int org, int n) {
    return GenerationRequest.builder().organization(org < 0 ? null : "bench-" + org).promptIds(prompt(Math.max(0, org)))
        .sampling(SamplingParams.builder().temperature(0).maxNewTokens(n).ignoreEos(true).stopTokenIds(Set.of()).build())
        .build();
  }

  private int[] prompt(int org) {
    int[] ids = new int[promptTokens];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (int) ((7919L * (i + 1) + 104_729L * org) % 150_000);
    }
    return ids;
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Resident set size of this process (Linux), or 0. */
  private static long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /**
   * Sums the wall time and the inference thread's CPU time of pure decode steps (one token per row)
   * that ran a given number of rows. The hook runs on the inference thread, so the CPU time between
   * two calls is that step's work (forward, sampling, streaming); with one torch thread and
   * single-threaded BLAS all of it runs there, which makes the CPU figure robust on a shared machine.
   */
  private static final class StepTimes implements MetricsListener {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long rows;
    private long nanos;
    private long cpuNanos;
    private long lastCpu = -1;
    private int wantedRows;

    synchronized void reset(int batchRows) {
      wantedRows = batchRows;
      rows = 0;
      nanos = 0;
      cpuNanos = 0;
    }

    synchronized double decodeTokensPerSecond() {
      return nanos == 0 ? Double.NaN : rows / seconds(nanos);
    }

    synchronized double decodeTokensPerCpuSecond() {
      return cpuNanos == 0 ? Double.NaN : rows / seconds(cpuNanos);
    }

    @Override
    public synchronized void step(int queueDepth, int batchRows, int batchTokens, Duration stepTime) {
      long cpu = threads.getCurrentThreadCpuTime();
      if (batchRows == wantedRows && batchTokens == batchRows && lastCpu >= 0) {
        rows += batchRows;
        nanos += stepTime.toNanos();
        cpuNanos += cpu - lastCpu;
      }
      lastCpu = cpu;
    }
  }
}
