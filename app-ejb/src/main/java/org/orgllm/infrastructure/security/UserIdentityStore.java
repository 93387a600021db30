package org.orgllm.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.stream.Collectors;
import org.orgllm.domain.model.user.AppUser;
import org.orgllm.domain.model.user.UserRepository;

/** Checks a username and password against the {@code users} table; the groups are the user's roles. */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

    /** Verified against when the user does not exist, so timing does not reveal which usernames exist. */
    private static final String DUMMY_HASH =
            "PBKDF2WithHmacSHA256:2048:c2FsdHNhbHRzYWx0c2FsdA==:YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE=";

    @Inject
    UserRepository users;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String username = credential.getCaller();
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,100}")) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        var user = users.find(username).filter(AppUser::enabled);
        String hash = user.map(AppUser::passwordHash).orElse(DUMMY_HASH);
        boolean matches = passwordHash.verify(credential.getPassword().getValue(), hash);
        if (user.isEmpty() || !matches) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(username,
                user.get().roles().stream().map(Enum::name).collect(Collectors.toSet()));
    }
}
