package org.orgllm.inference.engine;

import java.nio.file.Path;
import java.util.Objects;
import org.orgllm.inference.model.LoadOptions;

/**
 * How an {@link InferenceEngine} is set up. Build with {@link #builder()}; defaults suit a small CPU
 * deployment.
 *
 * @param modelsRoot the {@code models/} folder (base models and organizations' adapters)
 * @param baseModelName a folder name under {@code models/base}, or null when {@code baseModelPath} is set
 * @param baseModelPath an explicit base model folder, or null
 * @param loadOptions weight dtype, device, decode threads
 * @param queueCapacity requests that may wait; beyond it {@code submit} throws {@link OverloadedException}
 * @param maxBatchRows sequences running at once
 * @param kvBudgetTokens KV-cache positions all running sequences may reserve together (each reserves
 *     prompt + max new tokens), which bounds KV memory
 * @param prefillChunkTokens prompt tokens prefilled per step, interleaved with the running rows' decode
 * @param adapterCacheSize adapters kept loaded ({@code MODEL_CACHE_SIZE})
 * @param adapterCacheBytes bytes of adapters kept loaded
 * @param strictBaseName refuse adapters whose {@code base_model_name_or_path} names another model
 * @param torchThreads libtorch's intra-op threads (process-wide), default 1: the projections are
 *     split over the model's own decode threads ({@link LoadOptions#decodeThreads()}), and idle
 *     libtorch threads spin against them (two of them halved decode speed on the reference machine)
 * @param warmUpSteps throwaway decode steps the inference thread runs before serving (see {@link
 *     org.orgllm.inference.model.DecoderModel#warmUp}); 0 for none
 * @param metrics receives metric events (never null)
 */
public record EngineConfig(
    Path modelsRoot,
    String baseModelName,
    Path baseModelPath,
    LoadOptions loadOptions,
    int queueCapacity,
    int maxBatchRows,
    int kvBudgetTokens,
    int prefillChunkTokens,
    int adapterCacheSize,
    long adapterCacheBytes,
    boolean strictBaseName,
    int torchThreads,
    int warmUpSteps,
    MetricsListener metrics) {

  /** {@code MODEL_CACHE_SIZE}'s default. */
  public static final int DEFAULT_ADAPTER_CACHE_SIZE = 8;

  public EngineConfig {
    Objects.requireNonNull(modelsRoot, "modelsRoot");
    if ((baseModelName == null) == (baseModelPath == null)) {
      throw new IllegalArgumentException("give exactly one of a base model name or a base model path");
    }
    Objects.requireNonNull(loadOptions, "loadOptions");
    positive(queueCapacity, "queueCapacity");
    positive(maxBatchRows, "maxBatchRows");
    positive(kvBudgetTokens, "kvBudgetTokens");
    positive(prefillChunkTokens, "prefillChunkTokens");
    positive(adapterCacheSize, "adapterCacheSize");
    positive(torchThreads, "torchThreads");
    if (warmUpSteps < 0) {
      throw new IllegalArgumentException("warmUpSteps must be >= 0, got " + warmUpSteps);
    }
    if (adapterCacheBytes < 1) {
      throw new IllegalArgumentException("adapterCacheBytes must be >= 1");
    }
    metrics = metrics == null ? new MetricsListener() {} : metrics;
  }

  private static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + value);
    }
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private Path modelsRoot;
    private String baseModelName;
    private Path baseModelPath;
    private LoadOptions loadOptions = LoadOptions.defaults();
    private int queueCapacity = 64;
    private int maxBatchRows = 16;
    private int kvBudgetTokens = 32_768;
    private int prefillChunkTokens = 256;
    private int adapterCacheSize = cacheSizeFromEnvironment();
    private long adapterCacheBytes = 2L << 30;
    private boolean strictBaseName = true;
    private int torchThreads = 1;
    private int warmUpSteps = 16;
    private MetricsListener metrics;

    private Builder() {}

    private static int cacheSizeFromEnvironment() {
      String env = System.getenv("MODEL_CACHE_SIZE");
      try {
        return env == null || env.isBlank() ? DEFAULT_ADAPTER_CACHE_SIZE : Integer.parseInt(env.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("MODEL_CACHE_SIZE must be an integer, got '" + env + "'", e);
      }
    }

    public Builder modelsRoot(Path v) { modelsRoot = v; return this; }
    /** A base model under {@code models/base/<name>}. */
    public Builder baseModel(String name) { baseModelName = name; baseModelPath = null; return this; }
    /** A base model folder anywhere. */
    public Builder baseModel(Path folder) { baseModelPath = folder; baseModelName = null; return this; }
    public Builder loadOptions(LoadOptions v) { loadOptions = v; return this; }
    public Builder queueCapacity(int v) { queueCapacity = v; return this; }
    public Builder maxBatchRows(int v) { maxBatchRows = v; return this; }
    public Builder kvBudgetTokens(int v) { kvBudgetTokens = v; return this; }
    public Builder prefillChunkTokens(int v) { prefillChunkTokens = v; return this; }
    public Builder adapterCacheSize(int v) { adapterCacheSize = v; return this; }
    public Builder adapterCacheBytes(long v) { adapterCacheBytes = v; return this; }
    public Builder strictBaseName(boolean v) { strictBaseName = v; return this; }
    public Builder torchThreads(int v) { torchThreads = v; return this; }
    public Builder warmUpSteps(int v) { warmUpSteps = v; return this; }
    public Builder metrics(MetricsListener v) { metrics = v; return this; }

    public EngineConfig build() {
      return new EngineConfig(modelsRoot, baseModelName, baseModelPath, loadOptions, queueCapacity, maxBatchRows,
          kvBudgetTokens, prefillChunkTokens, adapterCacheSize, adapterCacheBytes, strictBaseName, torchThreads,
          warmUpSteps, metrics);
    }
  }
}
