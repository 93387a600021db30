package org.orgllm.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** API keys of an organization; ADMIN only. The key itself is returned once, on creation. */
public interface ApiKeyService {

    CreatedApiKey create(@NotNull String organizationId, @NotBlank String name);

    List<ApiKeyView> list(@NotNull String organizationId);

    void revoke(@NotNull String organizationId, long keyId);

    /** A new key: {@code key} is shown this once and never stored. */
    record CreatedApiKey(long id, String organizationId, String name, String prefix, String key) {}

    /** A key as listed. */
    record ApiKeyView(long id, String organizationId, String name, String prefix, String createdBy,
                      java.time.Instant createdAt, java.time.Instant revokedAt) {}
}
