package org.orgllm.inference.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.orgllm.inference.ModelLoadException;
import org.orgllm.inference.bench.BenchReport;
import org.orgllm.inference.bench.ModeBench;
import org.orgllm.inference.engine.ServingBench;
import org.orgllm.inference.lora.LoraAdapter;
import org.orgllm.inference.model.DecoderModel;
import org.orgllm.inference.model.GreedyDecoder;
import org.orgllm.inference.model.LoadOptions;
import org.orgllm.inference.model.ModelLoader;
import org.orgllm.inference.model.WeightDtype;
import org.orgllm.inference.torch.TorchRuntime;
import org.orgllm.inference.structured.ConstraintBench;
import org.orgllm.inference.tokenizer.Tokenizer;

/**
 * {@code orgllm logits|generate|bench}: thin adapters from the command line to {@link LogitsReport},
 * {@link GreedyDecoder}, {@link ModeBench}, {@link BenchReport} and {@link ServingBench}.
 */
public final class Main {

  private static final String USAGE = """
      usage:
        logits   --model DIR [--adapter DIR] --ids 1,2,3 [--steps N] [--ignore-eos] [--dtype fp32|bf16]
        generate --model DIR [--adapter DIR] --prompt TEXT [--max-new-tokens N] [--dtype fp32|bf16]
        bench    [--model DIR] [--prompt-tokens N] [--steps N] [--decode-threads N] [--dtype fp32|bf16] [--runs N]
                 [--cache DIR]   (no --model: the Qwen2.5-0.5B-shaped report, fp32 and bf16, models cached in DIR)
        bench serving [--dir DIR] [--tokens N] [--prompt-tokens N] [--rounds N] [--tokenizer DIR]
        bench constraint [TOKENIZER_JSON [LOGITS [STEPS [EOS_ID]]]]   (JSON-schema masking vs plain sampling)
      """;

  private Main() {}

  /** The structured-output benchmark: per-token cost of the JSON-schema mask against plain sampling. */
  private static void constraintBench(String[] args) {
    try {
      ConstraintBench.main(args);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("the constraint benchmark failed: " + e.getMessage(), e);
    }
  }

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs a subcommand; returns the exit code (0 ok, 1 load/runtime error, 2 usage). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      if (args.length == 0) {
        throw new Args.UsageException("missing subcommand");
      }
      switch (args[0]) {
        case "logits" -> logits(new Args(args, 1, Set.of("--ignore-eos"),
            Set.of("--model", "--adapter", "--ids", "--steps", "--dtype")), out);
        case "generate" -> generate(new Args(args, 1, Set.of(),
            Set.of("--model", "--adapter", "--prompt", "--max-new-tokens", "--dtype")), out);
        case "bench" -> {
          if (args.length > 1 && args[1].equals("serving")) {
            ServingBench.run(Arrays.copyOfRange(args, 2, args.length), out);
          } else if (args.length > 1 && args[1].equals("constraint")) {
            constraintBench(Arrays.copyOfRange(args, 2, args.length));
          } else {
            bench(new Args(args, 1, Set.of(),
                Set.of("--model", "--prompt-tokens", "--steps", "--decode-threads", "--dtype", "--runs", "--cache")), out,
                err);
          }
        }
        default -> throw new Args.UsageException("unknown subcommand " + args[0]);
      }
      return 0;
    } catch (Args.UsageException e) {
      err.println("error: " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (ModelLoadException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private static void logits(Args a, PrintStream out) {
    try (DecoderModel model = load(a)) {
      logits(a, model, out);
    }
  }

  private static void logits(Args a, DecoderModel model, PrintStream out) {
    LoraAdapter adapter = adapter(a, model);
    int[] ids;
    try {
      ids = Arrays.stream(a.required("--ids").split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      throw new Args.UsageException("--ids must be comma-separated integers");
    }
    if (ids.length == 0) {
      throw new Args.UsageException("--ids is empty");
    }
    LogitsReport report = LogitsReport.compute(model, adapter, ids, a.intValue("--steps", 8), a.flag("--ignore-eos"));
    try {
      out.println(new ObjectMapper().writeValueAsString(report));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void generate(Args a, PrintStream out) {
    try (DecoderModel model = load(a);
        Tokenizer tokenizer = Tokenizer.load(Path.of(a.required("--model")))) {
      LoraAdapter adapter = adapter(a, model);
      int[] prompt = tokenizer.encode(a.required("--prompt"));
      GreedyDecoder.Result result = new GreedyDecoder(model).generate(
          prompt, adapter, a.intValue("--max-new-tokens", 64), Set.copyOf(model.generationConfig().eosTokenIds()));
      out.println(tokenizer.decode(result.newIds(), true));
    }
  }

  private static void bench(Args a, PrintStream out, PrintStream err) {
    int runs = a.intValue("--runs", 3);
    if (runs < 1) {
      throw new Args.UsageException("--runs must be >= 1");
    }
    if (a.get("--model", null) == null) {
      Path cache = Path.of(a.get("--cache", System.getProperty("user.home") + "/.cache/orgllm/bench-models"));
      var settings = new BenchReport.Settings(cache, a.intValue("--prompt-tokens", 128), a.intValue("--steps", 64),
          decodeThreads(a), runs);
      try {
        BenchReport.run(settings, out, err);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return;
    }
    try (DecoderModel model = load(a)) {
      ModeBench bench = ModeBench.run(model, a.get("--dtype", "fp32"), a.intValue("--prompt-tokens", 128),
          a.intValue("--steps", 64), runs);
      out.println(new ObjectMapper().writeValueAsString(bench));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decode threads: {@code --decode-threads}, else the engine's default (see {@link LoadOptions#defaults()}). */
  private static int decodeThreads(Args a) {
    int threads = a.intValue("--decode-threads", LoadOptions.defaults().decodeThreads());
    if (threads < 1) {
      throw new Args.UsageException("--decode-threads must be >= 1");
    }
    return threads;
  }

  private static DecoderModel load(Args a) {
    WeightDtype dtype = switch (a.get("--dtype", "fp32")) {
      case "fp32" -> WeightDtype.FP32;
      case "bf16" -> WeightDtype.BF16;
      default -> throw new Args.UsageException("--dtype must be fp32 or bf16");
    };
    int threads = decodeThreads(a);
    // The Java threads split the work; libtorch's own pool would only spin against them.
    TorchRuntime.init(1);
    return ModelLoader.load(Path.of(a.required("--model")),
        LoadOptions.defaults().withWeightDtype(dtype).withDecodeThreads(threads));
  }

  private static LoraAdapter adapter(Args a, DecoderModel model) {
    String dir = a.get("--adapter", null);
    return dir == null ? null : LoraAdapter.load(Path.of(dir), model.config(), model.options().device());
  }
}
