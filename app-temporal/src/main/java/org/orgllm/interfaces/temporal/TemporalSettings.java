package org.orgllm.interfaces.temporal;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The worker's configuration, from MicroProfile Config (environment variables such as
 * {@code TEMPORAL_ADDRESS} are found under {@code temporal.address}).
 *
 * @param address {@code host:port} of the Temporal frontend; empty disables the worker unless embedded
 * @param namespace {@code TEMPORAL_NAMESPACE}, default {@code default}
 * @param taskQueue {@code TEMPORAL_TASK_QUEUE}, default {@value TaskQueues#LOCAL_LLM}
 * @param maxConcurrentActivities {@code TEMPORAL_MAX_CONCURRENT_ACTIVITIES}, default 4: generations
 *        this worker runs at once (the engine batches them); more wait in Temporal for this or another worker
 * @param embedded {@code TEMPORAL_EMBEDDED=true} starts Temporal's in-process test server (local development only)
 * @param embeddedPort {@code TEMPORAL_EMBEDDED_PORT}, default 7233
 */
public record TemporalSettings(Optional<String> address, String namespace, String taskQueue,
                               int maxConcurrentActivities, boolean embedded, int embeddedPort) {

    public static final String DEFAULT_NAMESPACE = "default";
    public static final int DEFAULT_MAX_CONCURRENT_ACTIVITIES = 4;
    public static final int DEFAULT_EMBEDDED_PORT = 7233;

    public TemporalSettings {
        address = address.map(String::trim).filter(a -> !a.isEmpty());
        if (maxConcurrentActivities < 1) {
            throw new IllegalArgumentException("TEMPORAL_MAX_CONCURRENT_ACTIVITIES must be at least 1");
        }
    }

    public static TemporalSettings from(Config config) {
        return new TemporalSettings(
                config.getOptionalValue("temporal.address", String.class),
                config.getOptionalValue("temporal.namespace", String.class).filter(s -> !s.isBlank()).orElse(DEFAULT_NAMESPACE),
                config.getOptionalValue("temporal.task.queue", String.class).filter(s -> !s.isBlank()).orElse(TaskQueues.LOCAL_LLM),
                config.getOptionalValue("temporal.max.concurrent.activities", Integer.class).orElse(DEFAULT_MAX_CONCURRENT_ACTIVITIES),
                config.getOptionalValue("temporal.embedded", Boolean.class).orElse(false),
                config.getOptionalValue("temporal.embedded.port", Integer.class).orElse(DEFAULT_EMBEDDED_PORT));
    }

    /** Whether a worker should run: an address is set, or the embedded server is asked for. */
    public boolean enabled() {
        return address.isPresent() || embedded;
    }

    /** Where the worker connects: the address, or the embedded server when none is set. */
    public String target() {
        return address.orElse("127.0.0.1:" + embeddedPort);
    }
}
