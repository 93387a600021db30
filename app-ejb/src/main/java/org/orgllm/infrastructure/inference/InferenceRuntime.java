package org.orgllm.infrastructure.inference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orgllm.inference.engine.EngineConfig;
import org.orgllm.inference.engine.InferenceEngine;
import org.orgllm.inference.engine.MetricsListener;
import org.orgllm.inference.model.LoadOptions;
import org.orgllm.inference.model.WeightDtype;
import org.orgllm.inference.torch.DeviceSpec;
import org.orgllm.inference.torch.TorchRuntime;

/**
 * Loads libtorch (4–9 s: JavaCPP probes for CUDA) and the inference engine with its base model while
 * the application starts, so the first request pays for neither. The base model is
 * {@code ORGLLM_MODEL_DIR}; organizations' adapters live under {@code ORGLLM_MODELS_ROOT/trained}.
 * A failure never stops the deployment: it is reported through {@link #status()} and readiness.
 */
@Startup
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InferenceRuntime {

    private static final Logger LOG = Logger.getLogger(InferenceRuntime.class.getName());

    @Inject
    @ConfigProperty(name = "orgllm.model.dir")
    Optional<String> modelDir;

    @Inject
    @ConfigProperty(name = "orgllm.models.root")
    Optional<String> modelsRoot;

    @Inject
    @ConfigProperty(name = "model.cache.size", defaultValue = "8")
    int adapterCacheSize;

    @Inject
    @ConfigProperty(name = "orgllm.queue.capacity", defaultValue = "64")
    int queueCapacity;

    @Inject
    @ConfigProperty(name = "orgllm.batch.rows", defaultValue = "8")
    int maxBatchRows;

    /** {@code auto} (the first CUDA device when libtorch sees one, else the CPU), {@code cpu}, {@code cuda[:N]}. */
    @Inject
    @ConfigProperty(name = "orgllm.device", defaultValue = "auto")
    String device;

    /** {@code stored} (as the checkpoint stores them: zero-copy), {@code fp32} or {@code bf16}. */
    @Inject
    @ConfigProperty(name = "orgllm.weight.dtype", defaultValue = "stored")
    String weightDtype;

    /** Threads that share each CPU projection; 0: one per core (at most 8). */
    @Inject
    @ConfigProperty(name = "orgllm.decode.threads", defaultValue = "0")
    int decodeThreads;

    @Inject
    @ConfigProperty(name = "orgllm.warmup.steps", defaultValue = "16")
    int warmUpSteps;

    @Inject
    EngineMetricsBridge metrics;

    /** Runs the metrics hooks, called on the engine's own thread, inside this application's context. */
    @Resource
    ContextService contextService;

    private volatile ModelStatus status = new ModelStatus(ModelStatus.State.LOADING, null, "starting");
    private volatile InferenceEngine engine;
    private volatile Path baseModelDir;

    @PostConstruct
    void start() {
        long t0 = System.nanoTime();
        try {
            // One libtorch thread: the engine splits the work over its own threads (see LoadOptions).
            TorchRuntime.init(1);
            LOG.info(() -> "libtorch loaded and warmed up in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } catch (Throwable e) {
            LOG.log(Level.SEVERE, "libtorch could not be loaded", e);
            status = new ModelStatus(ModelStatus.State.FAILED, null, "libtorch could not be loaded: " + e);
            return;
        }
        status = open();
        LOG.info(() -> "model status: " + status);
    }

    private ModelStatus open() {
        if (modelDir.isEmpty() || modelDir.get().isBlank()) {
            return new ModelStatus(ModelStatus.State.NOT_CONFIGURED, null,
                    "no base model configured (set ORGLLM_MODEL_DIR to a Hugging Face model folder)");
        }
        Path dir = Path.of(modelDir.get()).toAbsolutePath().normalize();
        String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        // Adapters live beside the base models: models/base/<name> → models/trained/org-<id>.
        Path root = modelsRoot.filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> dir.getParent() != null && dir.getParent().getParent() != null
                        && Files.isDirectory(dir.getParent().getParent().resolve("trained"))
                        ? dir.getParent().getParent() : dir.getParent());
        long t0 = System.nanoTime();
        try {
            engine = InferenceEngine.open(EngineConfig.builder()
                    .modelsRoot(root)
                    .baseModel(dir)
                    .loadOptions(loadOptions(device, weightDtype, decodeThreads))
                    .queueCapacity(queueCapacity)
                    .maxBatchRows(maxBatchRows)
                    .adapterCacheSize(adapterCacheSize)
                    .warmUpSteps(warmUpSteps(warmUpSteps))
                    .metrics(contextService.createContextualProxy(metrics, MetricsListener.class))
                    .build());
            baseModelDir = dir;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the base model could not be loaded", e);
            return new ModelStatus(ModelStatus.State.FAILED, name, e.getMessage());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new ModelStatus(ModelStatus.State.READY, name,
                engine.model().config().family() + " loaded from " + dir + " in " + ms + " ms; adapters under " + root);
    }

    /**
     * The engine's load options from the configuration.
     *
     * @throws IllegalArgumentException naming the property whose value is not understood
     */
    /** {@code orgllm.warmup.steps}: the engine's throwaway decode steps before serving, 0 to 256. */
    static int warmUpSteps(int steps) {
        if (steps < 0 || steps > 256) {
            throw new IllegalArgumentException(
                    "orgllm.warmup.steps (ORGLLM_WARMUP_STEPS) must be 0 (none) to 256, not " + steps);
        }
        return steps;
    }

    static LoadOptions loadOptions(String device, String weightDtype, int decodeThreads) {
        String d = device == null ? "auto" : device.trim().toLowerCase(Locale.ROOT);
        DeviceSpec spec;
        if (d.equals("auto")) {
            spec = DeviceSpec.auto();
        } else if (d.equals("cpu")) {
            spec = DeviceSpec.cpu();
        } else if (d.matches("cuda(:\\d{1,2})?")) {
            spec = DeviceSpec.cuda(d.length() > 4 ? Integer.parseInt(d.substring(5)) : 0);
        } else {
            throw new IllegalArgumentException("orgllm.device (ORGLLM_DEVICE) must be auto, cpu or cuda[:N], not '"
                    + device + "'");
        }
        WeightDtype dtype = switch (weightDtype == null ? "stored" : weightDtype.trim().toLowerCase(Locale.ROOT)) {
            case "stored" -> WeightDtype.STORED;
            case "fp32", "float32" -> WeightDtype.FP32;
            case "bf16", "bfloat16" -> WeightDtype.BF16;
            default -> throw new IllegalArgumentException(
                    "orgllm.weight.dtype (ORGLLM_WEIGHT_DTYPE) must be stored, fp32 or bf16, not '" + weightDtype + "'");
        };
        if (decodeThreads < 0 || decodeThreads > 64) {
            throw new IllegalArgumentException(
                    "orgllm.decode.threads (ORGLLM_DECODE_THREADS) must be 0 (one per core) to 64, not " + decodeThreads);
        }
        LoadOptions options = new LoadOptions(dtype, spec, LoadOptions.defaults().decodeThreads());
        return decodeThreads > 0 ? options.withDecodeThreads(decodeThreads) : options;
    }

    @PreDestroy
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    public ModelStatus status() {
        return status;
    }

    /** The engine, when the model is ready. */
    public Optional<InferenceEngine> engine() {
        return Optional.ofNullable(engine);
    }

    /** The base model's folder (its tokenizer.json, tokenizer_config.json), when loaded. */
    public Optional<Path> baseModelDir() {
        return Optional.ofNullable(baseModelDir);
    }
}
