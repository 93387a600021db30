package org.orgllm.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import org.orgllm.application.CallerContext;
import org.orgllm.domain.model.apikey.ApiKeyRepository;
import org.orgllm.domain.model.organization.OrganizationId;
import org.orgllm.domain.model.user.AppUser;
import org.orgllm.domain.model.user.Role;
import org.orgllm.domain.model.user.UserRepository;

/** The caller as Jakarta Security sees it: people reach their memberships, an API key its organization, ADMIN all. */
@ApplicationScoped
public class SecurityCallerContext implements CallerContext {

    @Inject
    SecurityContext security;

    @Inject
    UserRepository users;

    @Inject
    ApiKeyRepository apiKeys;

    @Override
    public String name() {
        Principal principal = security.getCallerPrincipal();
        return principal == null ? "anonymous" : principal.getName();
    }

    @Override
    public boolean isAdmin() {
        return security.isCallerInRole(Role.ADMIN_NAME);
    }

    @Override
    public boolean hasRole(String role) {
        return security.isCallerInRole(role);
    }

    @Override
    public boolean canAccess(OrganizationId organization) {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            return false;
        }
        if (isAdmin()) {
            return true;
        }
        String name = principal.getName();
        if (name.startsWith(ApiKeyIdentityStore.NAME_PREFIX)) {
            return apiKeys.findByPrefix(name.substring(ApiKeyIdentityStore.NAME_PREFIX.length()))
                    .filter(k -> !k.revoked())
                    .map(k -> k.organizationId().equals(organization))
                    .orElse(false);
        }
        return users.find(principal.getName())
                .filter(AppUser::enabled)
                .map(u -> u.organizations().contains(organization))
                .orElse(false);
    }
}
