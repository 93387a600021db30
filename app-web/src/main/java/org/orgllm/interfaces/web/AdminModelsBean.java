package org.orgllm.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.orgllm.inference.engine.EngineMetrics;
import org.orgllm.inference.registry.AdapterRegistry;
import org.orgllm.infrastructure.inference.InferenceRuntime;
import org.orgllm.infrastructure.inference.ModelStatus;

/**
 * The base model and the organizations' adapters: versions, the active one, activating another and
 * unloading (evicting) an organization's adapters from memory.
 */
@Named
@ViewScoped
public class AdminModelsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    InferenceRuntime runtime;

    private List<AdapterRow> adapters;

    /** One organization's adapter folder as listed. */
    public record AdapterRow(String organization, List<String> versions, String active, boolean loaded)
            implements Serializable {}

    @PostConstruct
    void init() {
        reload();
    }

    private void reload() {
        adapters = new ArrayList<>();
        runtime.engine().ifPresent(engine -> {
            AdapterRegistry registry = engine.registry();
            var loaded = registry.loaded().keySet();
            for (var organization : registry.organizations()) {
                String id = organization.value();
                String active;
                try {
                    active = registry.activeVersion(id).version();
                } catch (RuntimeException e) {
                    active = null;
                }
                adapters.add(new AdapterRow(id, registry.versions(id), active,
                        loaded.stream().anyMatch(k -> k.organization().equals(organization))));
            }
        });
    }

    public void activate(String organization, String version) {
        runtime.engine().ifPresent(e -> e.registry().activate(organization, version));
        Messages.info("Version activated", organization + " now answers with " + version);
        reload();
    }

    public void evict(String organization) {
        int evicted = runtime.engine().map(e -> e.registry().evict(organization)).orElse(0);
        Messages.info("Adapters unloaded", evicted + " of " + organization + "'s adapters left memory");
        reload();
    }

    public ModelStatus getStatus() {
        return runtime.status();
    }

    public EngineMetrics getMetrics() {
        return runtime.engine().map(e -> e.metrics()).orElse(null);
    }

    public List<AdapterRow> getAdapters() {
        return adapters;
    }
}
