package org.orgllm.infrastructure.security;

import jakarta.security.enterprise.credential.Credential;

/** An organization API key presented as a Bearer token. */
public record ApiKeyCredential(String key) implements Credential {

    @Override
    public String toString() {
        return "ApiKeyCredential[***]";
    }
}
