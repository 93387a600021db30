package org.orgllm.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal's configuration, read once. Application-scoped so view-scoped (passivating) beans can
 * hold it: a {@code @ConfigProperty} injected into them directly is not passivation-capable.
 */
@ApplicationScoped
public class PortalSettings {

    @Inject
    @ConfigProperty(name = "orgllm.portal.max-tokens", defaultValue = "256")
    int defaultMaxTokens;

    /** The token budget a portal form starts with: small, so answers arrive in seconds on a CPU. */
    public int defaultMaxTokens() {
        return defaultMaxTokens;
    }
}
