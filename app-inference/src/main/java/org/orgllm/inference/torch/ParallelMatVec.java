package org.orgllm.inference.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * CPU projections {@code y = x W^T (+ b)} split by output features over several Java threads (the
 * caller and {@code parts - 1} workers), each running single-threaded kernels: OpenBLAS {@code mv} for
 * one row against fp32 weights ({@code linear} on a [1, K] row reached only 3-6 GB/s), the vector
 * kernel of {@link SimdKernels} for bf16 weights and for 2-8 rows, a GEMM per share for more rows
 * (prefill). Each share writes straight into its slice of the output. Requires
 * {@code OPENBLAS_NUM_THREADS=1} and libtorch's own pool at one thread, or the threads fight.
 *
 * <p>Without the vector module, weights held in a narrower dtype than {@code x} (bf16 weights, fp32
 * activations) are never upcast whole for one row (that would write twice the bytes it reads): each
 * thread converts blocks of rows into an fp32 scratch buffer and runs the fp32 {@code mv} on it.
 *
 * <p>Each thread has a fixed share (see {@link #run} for why not a shared queue). Workers are plain
 * threads with a one-task mailbox (no executor queue): a worker spins briefly ({@link #SPIN_NANOS})
 * for its next task, then parks, so an idle engine burns no CPU; the caller spins while the worker
 * finishes its share. Measurements: docs/performance.md.
 *
 * <p>Thread-local libtorch state (InferenceMode, PointerScope) is re-entered on each worker.
 *
 * <p>Decode steps mostly bypass the projections here: the fused decode step ({@code
 * model.FusedDecode}) runs on the same threads through {@link #runOnAll}. The projections serve the
 * libtorch path: prefill, steps that mix prefill and decode, and models the fused step cannot read.
 */
public final class ParallelMatVec implements AutoCloseable {

  /** Below this many weights (1 MB of fp32) a thread hand-off costs more than it saves. */
  public static final long DEFAULT_MIN_ELEMENTS = 1L << 18;

  /**
   * fp32 elements of the per-thread conversion scratch: 16 MB, so that a projection's share is
   * converted in one or a few blocks. Each block costs several libtorch calls; with 512 KB blocks those
   * calls, not memory, set the pace (bf16 decode 330-360 ms/token on the 0.5B-shaped model against
   * 130-200 ms with 16 MB blocks, same run, docs/performance.md).
   */
  static final long BLOCK_ELEMENTS = Long.getLong("orgllm.matvec.block", 1L << 22);

  /** Per-thread fp32 scratch for blocked conversion; lives as long as its thread. */
  private static final ThreadLocal<Tensor[]> SCRATCH = ThreadLocal.withInitial(() -> new Tensor[1]);

  /**
   * How long a worker spins for its next task before parking. Short: the two vCPUs of the reference
   * machine share one core's resources, so a spinning worker slows the thread doing the real work
   * (2 ms of spinning made decode ~1.6x slower than parking at once; 50 us was no worse).
   */
  static final long SPIN_NANOS = Long.getLong("orgllm.matvec.spinMicros", 50L) * 1_000L;

  /**
   * Whether a single row against fp32 weights goes through the vector kernel rather than OpenBLAS
   * {@code mv}: on since the kernel reads four rows a quarter apart (90.8-96.5 against 94.4-104.0 ms
   * per token, alternating runs, November 26); the earlier one-row-at-a-time kernel lost to {@code mv}
   * (84 against 67 ms).
   */
  static final boolean SIMD_FP32 = Boolean.parseBoolean(System.getProperty("orgllm.simd.fp32", "true"));

  /**
   * Whether 2-8 rows against fp32 weights go through the vector kernel rather than an OpenBLAS GEMM,
   * which packs the whole weight for every call: on, as 8 concurrent requests decoded at 21-26
   * tokens/s that way against 19-21 with the GEMM (alternating runs of the serving benchmark).
   */
  static final boolean SIMD_FP32_ROWS = Boolean.parseBoolean(System.getProperty("orgllm.simd.fp32.rows", "true"));

  /**
   * Chunks per thread of a single-row projection ({@code -Dorgllm.matvec.chunks}); with the fixed
   * shares of {@link #run} one chunk per thread is one call per thread.
   */
  static final int MV_CHUNKS_PER_THREAD = Integer.getInteger("orgllm.matvec.chunks", 1);

  /** Chunks per thread of a GEMM ({@code -Dorgllm.matvec.gemmChunks}). */
  static final int GEMM_CHUNKS_PER_THREAD = Integer.getInteger("orgllm.matvec.gemmChunks", 1);

  /** No chunk smaller than this many output rows: a hand-off costs more than it saves. */
  static final long MIN_CHUNK_ROWS = 64;

  private final int parts;
  private final long minElements;
  private final Worker[] workers;

  /**
   * Splits over {@code parts} threads (the caller plus {@code parts - 1} daemon workers), for weights
   * of at least {@code minElements}; smaller ones run a plain single-thread {@code mv}.
   */
  public ParallelMatVec(int parts, long minElements) {
    if (parts < 2) {
      throw new IllegalArgumentException("parts must be >= 2");
    }
    this.parts = parts;
    this.minElements = minElements;
    this.workers = new Worker[parts - 1];
    for (int i = 0; i < workers.length; i++) {
      workers[i] = new Worker("orgllm-matvec-" + (i + 1));
      workers[i].start();
    }
  }

  /**
   * {@code weight @ x + bias}, in {@code x}'s dtype.
   *
   * @param weight (out, in) contiguous, on the CPU, in x's dtype or a narrower one
   * @param x (in)
   * @param bias (out) or null
   * @return (out)
   */
  public Tensor mv(Tensor weight, Tensor x, Tensor bias) {
    if (weight.numel() < minElements) {
      return single(weight, x, bias);
    }
    return mvAll(new Tensor[] {weight}, x, new Tensor[] {bias})[0];
  }

  /**
   * Several projections of the same {@code x} (q/k/v, gate/up) in one hand-off: each thread takes
   * its share of the rows of every weight, so the threads meet once instead
   * of once per weight. This is what fusing the matrices would give, without copying the
   * (memory-mapped) weights.
   *
   * @param weights (out_i, in) each, contiguous, on the CPU
   * @param x (in)
   * @param biases (out_i) or null entries; null for none at all
   * @return (out_i) each, in x's dtype
   */
  public Tensor[] mvAll(Tensor[] weights, Tensor x, Tensor[] biases) {
    boolean allSimd = true;
    for (int i = 0; i < weights.length; i++) {
      allSimd &= useSimd(weights[i], x, biases == null ? null : biases[i]);
    }
    boolean simd = allSimd;
    Tensor[] outs = new Tensor[weights.length];
    Tensor[] bs = new Tensor[weights.length];
    for (int i = 0; i < weights.length; i++) {
      Tensor b = biases == null ? null : biases[i];
      // The vector kernel reads the bias as held; libtorch wants it in x's dtype.
      bs[i] = simd || b == null || sameType(b, x) ? b : b.to(x.scalar_type());
      outs[i] = empty(weights[i].size(0), x.scalar_type()); // (out_i)
    }
    List<long[]> chunks = chunks(weights, MV_CHUNKS_PER_THREAD);
    run(chunks.size(), c -> {
      long[] k = chunks.get(c); // weight index, first row, rows
      int i = (int) k[0];
      if (simd) {
        SimdKernels.project(weights[i], x, bs[i], outs[i], k[1], k[1] + k[2]);
      } else {
        part(outs[i], weights[i], x, bs[i], k[1], k[2]);
      }
    });
    return outs;
  }

  /**
   * Several rows, {@code x W^T + b}, split by output features over the threads: each thread runs a
   * single-threaded GEMM on its rows of the weight (upcast per share when the weight is held in a
   * narrower dtype) and writes its columns of the output. A prefill GEMM gained 15-20% over one
   * thread on the reference machine, whose two vCPUs share one core's vector units.
   *
   * @param weight (out, in) contiguous, on the CPU, in x's dtype or a narrower one
   * @param x (rows, in)
   * @param bias (out) or null
   * @param gemm the single-threaded kernel: (weight share in x's dtype, x, bias share or null) to
   *     (rows, share)
   * @return (rows, out) in x's dtype
   */
  public Tensor mm(Tensor weight, Tensor x, Tensor bias, Gemm gemm) {
    Tensor out = outputOf(weight, x); // (rows, out)
    List<long[]> chunks = chunks(new Tensor[] {weight}, GEMM_CHUNKS_PER_THREAD);
    run(chunks.size(), c -> gemmPart(out, weight, x, bias, chunks.get(c)[1], chunks.get(c)[2], gemm));
    return out;
  }

  /** A single-threaded GEMM kernel for {@link #mm}. */
  @FunctionalInterface
  public interface Gemm {
    /**
     * @param weight (share, in) in x's dtype
     * @param x (rows, in)
     * @param bias (share) in x's dtype, or null
     * @return (rows, share)
     */
    Tensor apply(Tensor weight, Tensor x, Tensor bias);
  }

  private static void gemmPart(Tensor out, Tensor weight, Tensor x, Tensor bias, long start, long len, Gemm gemm) {
    try (InferenceMode mode = new InferenceMode();
        PointerScope scope = new PointerScope()) {
      Tensor w = weight.narrow(0, start, len); // (len, in) as held
      if (!sameType(w, x)) {
        w = w.to(x.scalar_type()); // (len, in): this thread's share of the upcast
      }
      Tensor b = bias == null ? null : bias.narrow(0, start, len); // (len)
      if (b != null && !sameType(b, x)) {
        b = b.to(x.scalar_type());
      }
      out.narrow(1, start, len).copy_(gemm.apply(w, x, b)); // (rows, len) view of out
    }
  }

  /**
   * A few rows ({@code x} of up to {@link SimdKernels#MAX_ROWS} rows) through the vector kernel, split
   * by output features: every thread reads its share of the weight once for all rows.
   *
   * @param weight (out, in) fp32 or bf16
   * @param x (rows, in) fp32
   * @param bias (out) in the weight's dtype, or null
   * @return (rows, out) fp32
   */
  public Tensor rows(Tensor weight, Tensor x, Tensor bias) {
    Tensor out = outputOf(weight, x); // (rows, out)
    return simd(weight, x, bias, out);
  }

  /** Whether the vector kernel runs this projection: bf16 weights always, fp32 as configured above. */
  public static boolean useSimd(Tensor weight, Tensor x, Tensor bias) {
    if (!SimdKernels.accepts(weight, x, bias)) {
      return false;
    }
    boolean oneRow = x.dim() == 1 || x.size(0) == 1;
    return !sameType(weight, x) || (oneRow ? SIMD_FP32 : SIMD_FP32_ROWS);
  }

  /** {@link #rows} on the calling thread alone. */
  public static Tensor rowsSingle(Tensor weight, Tensor x, Tensor bias) {
    Tensor out = outputOf(weight, x); // (rows, out)
    SimdKernels.project(weight, x, bias, out, 0, weight.size(0));
    return out;
  }

  private Tensor simd(Tensor weight, Tensor x, Tensor bias, Tensor out) {
    List<long[]> chunks = chunks(new Tensor[] {weight}, MV_CHUNKS_PER_THREAD);
    run(chunks.size(), c -> SimdKernels.project(weight, x, bias, out, chunks.get(c)[1],
        chunks.get(c)[1] + chunks.get(c)[2]));
    return out;
  }

  /**
   * Row ranges of the weights, about {@code perThread} per thread for each weight and at least {@link
   * #MIN_CHUNK_ROWS} rows each, as {weight index, first row, rows}.
   */
  private List<long[]> chunks(Tensor[] weights, int perThread) {
    List<long[]> chunks = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      long rows = weights[i].size(0);
      long size = Math.max(MIN_CHUNK_ROWS, (rows + (long) parts * perThread - 1) / ((long) parts * perThread));
      for (long start = 0; start < rows; start += size) {
        chunks.add(new long[] {i, start, Math.min(size, rows - start)});
      }
    }
    return chunks;
  }

  /**
   * Runs {@code task} once on every thread, the caller being thread 0 and the workers 1 to {@code
   * parts - 1}, and returns when all are done: for work that splits itself (a fused decode step,
   * whose threads meet at a {@link SpinBarrier}). A failing task must release the others (abort the
   * barrier) before it throws; the first failure is rethrown here.
   */
  public void runOnAll(IntConsumer task) {
    for (int w = 1; w < parts; w++) {
      int thread = w;
      workers[w - 1].submit(() -> task.accept(thread));
    }
    try {
      task.accept(0);
    } finally {
      awaitWorkers(parts - 1);
    }
  }

  /**
   * Runs {@code count} chunks on the caller and the workers, thread {@code t} taking chunks {@code t},
   * {@code t + parts}, ... A shared queue (each thread pulling the next chunk) was tried, since the two
   * vCPUs of the reference machine do not run equally fast; but in the serving engine the caller then
   * often emptied the queue before the parked worker woke, so decode ran on one thread: one request
   * fell from 10-11 to 5-7 tokens/s and 8 concurrent ones from 22-25 to 17-21 (same session, same
   * benchmark). A fixed share makes the worker do its part however late it wakes.
   */
  private void run(int count, IntConsumer chunk) {
    int threads = Math.min(parts, count);
    for (int w = 1; w < threads; w++) {
      int first = w;
      workers[w - 1].submit(() -> {
        for (int c = first; c < count; c += threads) {
          chunk.accept(c);
        }
      });
    }
    try {
      for (int c = 0; c < count; c += threads) {
        chunk.accept(c);
      }
    } finally {
      awaitWorkers(threads - 1);
    }
  }

  /** Waits for the first {@code n} workers' tasks, rethrowing the first failure. */
  private void awaitWorkers(int n) {
    Throwable failure = null;
    for (int i = 0; i < n; i++) {
      Throwable f = workers[i].awaitDone();
      if (failure == null) {
        failure = f;
      }
    }
    if (failure != null) {
      throw new IllegalStateException("matvec worker failed", failure);
    }
  }

  /**
   * {@code weight @ x + bias} on the calling thread: {@code mv}, which beats {@code linear} ~3x for
   * one row; a narrower weight goes through the blocked conversion.
   */
  public static Tensor single(Tensor weight, Tensor x, Tensor bias) {
    if (useSimd(weight, x, bias)) {
      Tensor out = empty(weight.size(0), x.scalar_type()); // (out)
      SimdKernels.project(weight, x, bias, out, 0, weight.size(0));
      return out;
    }
    Tensor b = bias == null || sameType(bias, x) ? bias : bias.to(x.scalar_type());
    if (sameType(weight, x)) {
      return b == null ? weight.mv(x) : torch.addmv(b, weight, x);
    }
    Tensor out = empty(weight.size(0), x.scalar_type()); // (out)
    blocked(out, weight, x, b, 0, weight.size(0));
    return out;
  }

  private static void part(Tensor out, Tensor weight, Tensor x, Tensor bias, long start, long len) {
    if (!sameType(weight, x)) {
      blocked(out, weight, x, bias, start, len);
      return;
    }
    Tensor o = out.narrow(0, start, len); // (len)
    Tensor w = weight.narrow(0, start, len); // (len, in)
    if (bias == null) {
      torch.mv_out(o, w, x);
    } else {
      torch.addmv_out(o, bias.narrow(0, start, len), w, x);
    }
  }

  /** Rows [start, start+len) of a narrower weight, converted block by block into the thread's scratch. */
  private static void blocked(Tensor out, Tensor weight, Tensor x, Tensor bias, long start, long len) {
    long in = weight.size(1);
    long blockRows = Math.max(1, BLOCK_ELEMENTS / in);
    // The scratch is an inference tensor (made under InferenceMode), which may only be written
    // under InferenceMode, so the loop always runs in it whatever the caller does.
    try (InferenceMode mode = new InferenceMode()) {
      Tensor scratch = scratch(blockRows * in, x.scalar_type()); // (>= blockRows*in)
      for (long s = start; s < start + len; s += blockRows) {
        long n = Math.min(blockRows, start + len - s);
        try (PointerScope block = new PointerScope()) {
          Tensor buf = scratch.narrow(0, 0, n * in).view(n, in); // (n, in) compute dtype
          buf.copy_(weight.narrow(0, s, n));
          Tensor o = out.narrow(0, s, n); // (n)
          if (bias == null) {
            torch.mv_out(o, buf, x);
          } else {
            torch.addmv_out(o, bias.narrow(0, s, n), buf, x);
          }
        }
      }
    }
  }

  /** The calling thread's scratch buffer of at least {@code elements}, kept outside any PointerScope. */
  private static Tensor scratch(long elements, ScalarType type) {
    Tensor[] slot = SCRATCH.get();
    Tensor t = slot[0];
    if (t == null || t.numel() < elements || !Tensors.isType(t, type)) {
      if (t != null) {
        t.close();
      }
      t = Tensors.keep(empty(elements, type));
      slot[0] = t;
    }
    return t;
  }

  /** An uninitialised (rows, out) output in x's dtype for a projection of x by weight. */
  private static Tensor outputOf(Tensor weight, Tensor x) {
    return torch.empty(new long[] {x.size(0), weight.size(0)}, new TensorOptions(x.scalar_type()),
        new MemoryFormatOptional());
  }

  private static Tensor empty(long n, ScalarType type) {
    return torch.empty(new long[] {n}, new TensorOptions(type), new MemoryFormatOptional());
  }

  private static boolean sameType(Tensor a, Tensor b) {
    return a.scalar_type().value == b.scalar_type().value;
  }

  /** Weights below which a projection runs on the calling thread alone. */
  public long minElements() {
    return minElements;
  }

  /** Threads used per call, the caller included. */
  public int parts() {
    return parts;
  }

  /** Stops the workers. */
  @Override
  public void close() {
    for (Worker w : workers) {
      w.shutdown();
    }
  }

  /**
   * A daemon thread that runs one task at a time. The caller publishes a task and spins until it is
   * done; the worker spins for the next task up to {@link #SPIN_NANOS}, then parks. The volatile
   * {@code parked} flag is written before the worker re-checks for a task and read by the caller after
   * publishing one, so either the worker sees the task or the caller sees it parked and unparks it.
   */
  private static final class Worker extends Thread {

    private volatile Runnable task;
    private volatile boolean busy;
    private volatile boolean parked;
    private volatile boolean closed;
    private volatile Throwable failure;

    Worker(String name) {
      super(name);
      setDaemon(true);
    }

    void submit(Runnable r) {
      failure = null;
      busy = true;
      task = r;
      if (parked) {
        LockSupport.unpark(this);
      }
    }

    /** Spins until the current task is done; returns its failure or null. */
    Throwable awaitDone() {
      long spins = 0;
      while (busy) {
        if (++spins < 1_000_000) {
          Thread.onSpinWait();
        } else {
          Thread.yield(); // the worker was descheduled: give it the core
        }
      }
      return failure;
    }

    void shutdown() {
      closed = true;
      LockSupport.unpark(this);
    }

    @Override
    public void run() {
      while (!closed) {
        Runnable r = nextTask();
        if (r == null) {
          continue;
        }
        try (InferenceMode mode = new InferenceMode();
            PointerScope scope = new PointerScope()) {
          r.run();
        } catch (Throwable e) {
          failure = e;
        } finally {
          task = null;
          busy = false;
        }
      }
    }

    private Runnable nextTask() {
      long deadline = System.nanoTime() + SPIN_NANOS;
      while (!closed) {
        Runnable r = task;
        if (r != null) {
          return r;
        }
        if (System.nanoTime() - deadline < 0) {
          Thread.onSpinWait();
          continue;
        }
        parked = true;
        if (task == null && !closed) {
          LockSupport.park(this);
        }
        parked = false;
        deadline = System.nanoTime() + SPIN_NANOS;
      }
      return null;
    }
  }
}
