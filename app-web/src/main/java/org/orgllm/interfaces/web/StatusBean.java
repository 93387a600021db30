package org.orgllm.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.orgllm.infrastructure.inference.InferenceRuntime;
import org.orgllm.infrastructure.inference.ModelStatus;

/** What the landing page says about the service: is the model ready, and which one. */
@Named
@RequestScoped
public class StatusBean {

    @Inject
    InferenceRuntime runtime;

    public ModelStatus getModel() {
        return runtime.status();
    }

    /** A PrimeFaces tag severity for the model state. */
    public String getModelSeverity() {
        return switch (runtime.status().state()) {
            case READY -> "success";
            case LOADING -> "info";
            case NOT_CONFIGURED -> "warning";
            case FAILED -> "danger";
        };
    }
}
