package org.orgllm.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.orgllm.infrastructure.inference.InferenceRuntime;
import org.orgllm.infrastructure.inference.ModelStatus;

/** Ready when the base model is loaded; DOWN with the reason when none is configured or it failed. */
@Readiness
@ApplicationScoped
public class ModelHealthCheck implements HealthCheck {

    @Inject
    InferenceRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        ModelStatus status = runtime.status();
        var response = HealthCheckResponse.named("model")
                .status(status.ready())
                .withData("state", status.state().name())
                .withData("detail", status.detail());
        if (status.model() != null) {
            response.withData("model", status.model());
        }
        return response.build();
    }
}
