package org.orgllm.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.orgllm.domain.model.apikey.ApiKey;
import org.orgllm.domain.model.apikey.ApiKeyRepository;
import org.orgllm.domain.model.apikey.ApiKeySecret;

/**
 * Checks a Bearer API key: well-formed, known by its prefix, not revoked, and its SHA-256 equal
 * (compared in constant time). The caller gets the role {@code API} and reaches its organization only.
 */
@ApplicationScoped
public class ApiKeyIdentityStore implements IdentityStore {

    public static final String API_ROLE = "API";

    /** Caller names of API keys: {@code apikey:<prefix>}; a username can never look like it (no colon). */
    public static final String NAME_PREFIX = "apikey:";

    @Inject
    ApiKeyRepository keys;

    public CredentialValidationResult validate(ApiKeyCredential credential) {
        String presented = credential.key();
        return ApiKeySecret.prefixOf(presented)
                .flatMap(keys::findByPrefix)
                .filter(k -> k.matches(presented))
                .map(ApiKeyIdentityStore::result)
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    private static CredentialValidationResult result(ApiKey key) {
        return new CredentialValidationResult(NAME_PREFIX + key.prefix(), Set.of(API_ROLE));
    }
}
