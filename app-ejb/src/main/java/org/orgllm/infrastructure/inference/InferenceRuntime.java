package org.orgllm.infrastructure.inference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orgllm.inference.model.DecoderModel;
import org.orgllm.inference.model.LoadOptions;
import org.orgllm.inference.model.ModelLoader;
import org.orgllm.inference.tokenizer.Tokenizer;
import org.orgllm.inference.torch.TorchRuntime;

/**
 * Loads libtorch (4–9 s: JavaCPP probes for CUDA) and warms it up while the application starts, so
 * the first request does not pay for it, then loads the configured base model folder
 * ({@code ORGLLM_MODEL_DIR}) and its tokenizer. A failure never stops the deployment: it is reported through
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

    private volatile DecoderModel model;
    private volatile Tokenizer tokenizer;

    @PostConstruct
    void start() {
        long t0 = System.nanoTime();
        try {
            TorchRuntime.init();
            LOG.info(() -> "libtorch loaded and warmed up in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } catch (Throwable e) {
            LOG.log(Level.SEVERE, "libtorch could not be loaded", e);
            status = new ModelStatus(ModelStatus.State.FAILED, null, "libtorch could not be loaded: " + e);
            return;
        }
        status = loadModel();
        LOG.info(() -> "model status: " + status);
    }

    private ModelStatus loadModel() {
        if (modelDir.isEmpty() || modelDir.get().isBlank()) {
            return new ModelStatus(ModelStatus.State.NOT_CONFIGURED, null,
                    "no base model configured (set ORGLLM_MODEL_DIR to a Hugging Face model folder)");
        }
        Path dir = Path.of(modelDir.get());
        String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        long t0 = System.nanoTime();
        try {
            model = ModelLoader.load(dir, LoadOptions.defaults());
            tokenizer = Tokenizer.load(dir);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the base model could not be loaded", e);
            return new ModelStatus(ModelStatus.State.FAILED, name, e.getMessage());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new ModelStatus(ModelStatus.State.READY, name,
                model.config().family() + " loaded from " + dir + " in " + ms + " ms");
    }

    @PreDestroy
    void stop() {
        if (tokenizer != null) {
            tokenizer.close();
        }
        if (model != null) {
            model.close();
        }
    }

    public ModelStatus status() {
        return status;
    }
}
