package org.orgllm.application.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.orgllm.application.ApiKeyService;
import org.orgllm.application.CallerContext;
import org.orgllm.application.UnknownOrganizationException;
import org.orgllm.domain.model.apikey.ApiKey;
import org.orgllm.domain.model.apikey.ApiKeyRepository;
import org.orgllm.domain.model.apikey.ApiKeySecret;
import org.orgllm.domain.model.organization.OrganizationId;
import org.orgllm.domain.model.user.Role;

@Stateless
@DeclareRoles({Role.USER_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME, "API"})
public class DefaultApiKeyService implements ApiKeyService {

    @Inject
    ApiKeyRepository keys;

    @Inject
    OrganizationAccess access;

    @Inject
    CallerContext caller;

    @Override
    public CreatedApiKey create(String organizationId, String name) {
        caller.requireAdmin();
        OrganizationId organization = access.require(organizationId);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a key needs a name of 1 to 200 characters");
        }
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = new ApiKey(organization, name.strip(), secret, caller.name());
        keys.store(key);
        return new CreatedApiKey(key.id(), organization.value(), key.name(), key.prefix(), secret.key());
    }

    @Override
    public List<ApiKeyView> list(String organizationId) {
        caller.requireAdmin();
        return keys.list(access.require(organizationId)).stream().map(DefaultApiKeyService::view).toList();
    }

    @Override
    public void revoke(String organizationId, long keyId) {
        caller.requireAdmin();
        OrganizationId organization = access.require(organizationId);
        keys.find(organization, keyId)
                .orElseThrow(() -> new UnknownOrganizationException(organizationId + "/keys/" + keyId))
                .revoke();
    }

    private static ApiKeyView view(ApiKey k) {
        return new ApiKeyView(k.id(), k.organizationId().value(), k.name(), k.prefix(), k.createdBy(), k.createdAt(),
                k.revokedAt());
    }
}
