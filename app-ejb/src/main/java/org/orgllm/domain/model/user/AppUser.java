package org.orgllm.domain.model.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.orgllm.domain.model.organization.OrganizationId;

/** A person who signs in; the password is only ever stored as a PBKDF2 hash. */
@Entity
@Table(name = "users")
public class AppUser {

    @Id
    @Column(name = "username", length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 500)
    private String passwordHash;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "username"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 20)
    private Set<Role> roles = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "memberships", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "organization_id", length = 63)
    private Set<String> organizationIds = new LinkedHashSet<>();

    protected AppUser() {
        // for JPA
    }

    public AppUser(String username, String displayName, String passwordHash) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.createdAt = Instant.now();
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public java.time.Instant createdAt() {
        return createdAt;
    }

    public boolean enabled() {
        return enabled;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public Set<OrganizationId> organizations() {
        return organizationIds.stream().map(OrganizationId::of).collect(Collectors.toUnmodifiableSet());
    }

    public void grant(Role role) {
        roles.add(role);
    }

    public void join(OrganizationId organization) {
        organizationIds.add(organization.value());
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /** Replaces the roles (an administrator's edit). */
    public void replaceRoles(Set<Role> newRoles) {
        roles.clear();
        roles.addAll(newRoles);
    }

    /** Replaces the organizations the user works for (an administrator's edit). */
    public void replaceMemberships(Set<OrganizationId> newOrganizations) {
        organizationIds.clear();
        newOrganizations.forEach(o -> organizationIds.add(o.value()));
    }

    public void enable(boolean on) {
        this.enabled = on;
    }

    public void rename(String newDisplayName) {
        this.displayName = newDisplayName;
    }
}
