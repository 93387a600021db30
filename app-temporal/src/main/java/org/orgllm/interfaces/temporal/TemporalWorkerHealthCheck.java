package org.orgllm.interfaces.temporal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The Temporal worker's state: UP when RUNNING, and when DISABLED (no {@code TEMPORAL_ADDRESS}: the
 * application serves REST and the portal without Temporal); DOWN with the reason while starting or
 * when it could not start.
 */
@Readiness
@ApplicationScoped
public class TemporalWorkerHealthCheck implements HealthCheck {

    @Inject
    TemporalWorker worker;

    @Override
    public HealthCheckResponse call() {
        WorkerStatus status = worker.status();
        var response = HealthCheckResponse.named("temporal-worker")
                .status(status.ready())
                .withData("state", status.state().name())
                .withData("detail", status.reason());
        TemporalSettings settings = worker.settings();
        if (settings != null && settings.enabled()) {
            response.withData("task_queue", settings.taskQueue()).withData("namespace", settings.namespace());
        }
        return response.build();
    }
}
