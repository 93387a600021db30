package org.orgllm.infrastructure.inference;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads libtorch (4–9 s: JavaCPP probes for CUDA) and warms it up while the application starts, so
 * the first request does not pay for it, then checks the configured base model folder
 * ({@code ORGLLM_MODEL_DIR}). A failure never stops the deployment: it is reported through
 * {@link #status()} and the readiness check.
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

    private volatile ModelStatus status = new ModelStatus(ModelStatus.State.LOADING, null, "starting");

    @PostConstruct
    void start() {
        long t0 = System.nanoTime();
        try {
            Loader.load(torch.class);
            warmUp();
            LOG.info(() -> "libtorch loaded and warmed up in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } catch (Throwable e) {
            LOG.log(Level.SEVERE, "libtorch could not be loaded", e);
            status = new ModelStatus(ModelStatus.State.FAILED, null, "libtorch could not be loaded: " + e);
            return;
        }
        status = checkModel();
        LOG.info(() -> "model status: " + status);
    }

    /** A small matmul runs the allocator, the BLAS and the thread pool once. */
    private static void warmUp() {
        try (var scope = new org.bytedeco.javacpp.PointerScope()) {
            Tensor a = torch.ones(64, 64);
            Tensor b = torch.matmul(a, a);
            if (b.sum().item_float() != 64f * 64f * 64f) {
                throw new IllegalStateException("libtorch warm-up computed a wrong result");
            }
        }
    }

    private ModelStatus checkModel() {
        if (modelDir.isEmpty() || modelDir.get().isBlank()) {
            return new ModelStatus(ModelStatus.State.NOT_CONFIGURED, null,
                    "no base model configured (set ORGLLM_MODEL_DIR to a Hugging Face model folder)");
        }
        Path dir = Path.of(modelDir.get());
        if (!Files.isRegularFile(dir.resolve("config.json"))) {
            return new ModelStatus(ModelStatus.State.FAILED, dir.toString(), "no config.json in " + dir);
        }
        return new ModelStatus(ModelStatus.State.READY, dir.getFileName().toString(), "model folder " + dir);
    }

    public ModelStatus status() {
        return status;
    }
}
