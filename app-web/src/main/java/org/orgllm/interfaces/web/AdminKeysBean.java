package org.orgllm.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.orgllm.application.ApiKeyService;
import org.orgllm.application.ApiKeyService.ApiKeyView;
import org.orgllm.application.ApiKeyService.CreatedApiKey;
import org.orgllm.application.UseCaseException;

/** The current organization's API keys: create one (shown once), list, revoke. */
@Named
@ViewScoped
public class AdminKeysBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ApiKeyService keys;

    @Inject
    OrganizationSwitcher switcher;

    private List<ApiKeyView> all;
    private String name;
    private CreatedApiKey created;

    @PostConstruct
    void init() {
        reload();
    }

    private void reload() {
        all = switcher.getCurrent() == null ? List.of() : keys.list(switcher.getCurrent());
    }

    public void create() {
        try {
            created = keys.create(switcher.getCurrent(), name);
            name = null;
            reload();
        } catch (UseCaseException | IllegalArgumentException e) {
            Messages.error("Not created", e.getMessage());
        }
    }

    public void revoke(ApiKeyView key) {
        keys.revoke(switcher.getCurrent(), key.id());
        Messages.info("Key revoked", key.name() + " (" + key.prefix() + ")");
        created = null;
        reload();
    }

    public List<ApiKeyView> getAll() {
        return all;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** The key just created, shown this once. */
    public CreatedApiKey getCreated() {
        return created;
    }
}
