package org.orgllm.inference.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.orgllm.inference.torch.TorchRuntime;

/**
 * The whole {@code orgllm bench}: writes the Qwen2.5-0.5B-shaped checkpoints once, measures the
 * memory bandwidth, runs each weight dtype in its own JVM (so peak RSS is per mode and one mode's
 * allocations do not slow the other), measures the bandwidth again, and prints a table and one JSON
 * object with the roofline ({@code bandwidth / weight bytes per decoded token}) per mode.
 */
public final class BenchReport {

  /** What to run. */
  public record Settings(Path cache, int promptTokens, int steps, int decodeThreads, int prefillRuns) {}

  private BenchReport() {}

  /** Runs everything; the table goes to {@code out} followed by the JSON object on its own line. */
  public static void run(Settings s, PrintStream out, PrintStream log) throws IOException, InterruptedException {
    String loadBefore = loadAverage();
    long t0 = System.nanoTime();
    TorchRuntime.init();
    List<ObjectNode> modes = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    Bandwidth before = null;
    for (String dtype : List.of("fp32", "bf16")) {
      long w0 = System.nanoTime();
      Path folder = BenchModel.ensure(s.cache(), dtype.equals("bf16"));
      log.printf("model %s ready in %.1f s%n", folder, (System.nanoTime() - w0) / 1e9);
      if (before == null) {
        before = Bandwidth.measure(1.2, 5);
        log.printf("bandwidth: %s%n", before);
      }
      modes.add((ObjectNode) json.readTree(child(folder, dtype, s, log)));
    }
    Bandwidth after = Bandwidth.measure(1.2, 5);
    log.printf("bandwidth: %s%n", after);
    double bandwidth = Math.max(before.bestGbPerS(), after.bestGbPerS());
    for (ObjectNode m : modes) {
      double roofline = bandwidth * 1e9 / m.get("weight_bytes_per_token").asDouble();
      m.put("roofline_tokens_per_s", roofline);
      m.put("percent_of_roofline", 100 * m.get("decode_tokens_per_s").asDouble() / roofline);
    }
    ObjectNode report = json.createObjectNode();
    report.put("load_average_before", loadBefore);
    report.put("load_average_after", loadAverage());
    report.put("cpus", Runtime.getRuntime().availableProcessors());
    report.put("bench_seconds", (System.nanoTime() - t0) / 1e9);
    report.set("bandwidth_before", json.valueToTree(before));
    report.set("bandwidth_after", json.valueToTree(after));
    report.put("bandwidth_gb_per_s", bandwidth);
    ArrayNode array = report.putArray("modes");
    modes.forEach(array::add);
    table(report, out);
    out.println(json.writeValueAsString(report));
  }

  /** Runs {@code Main bench --model folder} in a fresh JVM with this JVM's flags and classpath. */
  private static String child(Path folder, String dtype, Settings s, PrintStream log)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.orgllm.inference.cli.Main", "bench",
        "--model", folder.toString(), "--dtype", dtype, "--prompt-tokens", String.valueOf(s.promptTokens()),
        "--steps", String.valueOf(s.steps()), "--decode-threads", String.valueOf(s.decodeThreads()),
        "--runs", String.valueOf(s.prefillRuns())));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().putIfAbsent("OPENBLAS_NUM_THREADS", "1");
    Process p = pb.start();
    String stdout = new String(p.getInputStream().readAllBytes()).trim();
    if (p.waitFor() != 0) {
      throw new IOException("bench of " + folder + " failed with exit code " + p.exitValue() + ": " + stdout);
    }
    log.printf("%s: %s%n", dtype, stdout);
    return stdout.lines().reduce((a, b) -> b).orElse("{}");
  }

  private static void table(ObjectNode r, PrintStream out) {
    out.printf("machine: %d cpus, load average %s (before) / %s (after)%n", r.get("cpus").asInt(),
        r.get("load_average_before").asText(), r.get("load_average_after").asText());
    for (String key : List.of("bandwidth_before", "bandwidth_after")) {
      var b = r.get(key);
      out.printf("%-16s mv 1 thread %5.1f GB/s | mv 2 threads %5.1f GB/s | sum %5.1f GB/s | read 2 threads %5.1f GB/s%n",
          key.replace('_', ' '), b.get("mv_1_thread_gb_per_s").asDouble(), b.get("mv_2_threads_gb_per_s").asDouble(),
          b.get("sum_gb_per_s").asDouble(), b.get("read_2_threads_gb_per_s").asDouble());
    }
    out.printf("bandwidth used for the roofline: %.1f GB/s%n%n", r.get("bandwidth_gb_per_s").asDouble());
    String row = "%-34s %12s %12s%n";
    List<ObjectNode> modes = new ArrayList<>();
    r.get("modes").forEach(m -> modes.add((ObjectNode) m));
    out.printf(row, "", modes.get(0).get("dtype").asText(), modes.get(1).get("dtype").asText());
    line(out, row, modes, "prefill %d tokens (ms)", "prefill_ms", "%.0f");
    line(out, row, modes, "prefill tokens/s", "prefill_tokens_per_s", "%.1f");
    line(out, row, modes, "prefill GFLOP/s (2*params*tokens)", "prefill_nominal_gflop_per_s", "%.1f");
    line(out, row, modes, "prefill GFLOP/s (executed)", "prefill_executed_gflop_per_s", "%.1f");
    line(out, row, modes, "time to first token (ms)", "time_to_first_token_ms", "%.0f");
    line(out, row, modes, "decode %d tokens: tokens/s", "decode_tokens_per_s", "%.2f");
    line(out, row, modes, "decode median ms/token", "decode_median_ms_per_token", "%.1f");
    line(out, row, modes, "weight MB read per token", "weight_bytes_per_token", "MB");
    line(out, row, modes, "weight GB/s in decode", "weight_gb_per_s", "%.1f");
    line(out, row, modes, "roofline tokens/s", "roofline_tokens_per_s", "%.2f");
    line(out, row, modes, "% of roofline", "percent_of_roofline", "%.0f%%");
    line(out, row, modes, "peak RSS (MB)", "peak_rss_mb", "%.0f");
    out.println();
  }

  private static void line(PrintStream out, String row, List<ObjectNode> modes, String label, String key, String fmt) {
    String l = label.contains("%d")
        ? label.formatted(key.startsWith("prefill") ? modes.get(0).get("prompt_tokens").asInt()
            : modes.get(0).get("decode_steps").asInt())
        : label;
    String[] v = new String[2];
    for (int i = 0; i < 2; i++) {
      double d = modes.get(i).get(key).asDouble();
      v[i] = fmt.equals("MB") ? "%.0f".formatted(d / 1e6) : fmt.formatted(d);
    }
    out.printf(row, l, v[0], v[1]);
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
