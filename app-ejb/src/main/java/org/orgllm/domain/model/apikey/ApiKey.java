package org.orgllm.domain.model.apikey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.orgllm.domain.model.organization.OrganizationId;

/** An organization's API key, as stored: never the key itself. */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "organization_id", nullable = false, length = 63)
    private String organizationId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "prefix", nullable = false, length = 32, unique = true)
    private String prefix;

    @Column(name = "secret_hash", nullable = false, length = 128)
    private String secretHash;

    @Column(name = "created_by", length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
        // for JPA
    }

    public ApiKey(OrganizationId organization, String name, ApiKeySecret secret, String createdBy) {
        this.organizationId = organization.value();
        this.name = name;
        this.prefix = secret.prefix();
        this.secretHash = secret.hash();
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    public boolean matches(String presentedKey) {
        return revokedAt == null && ApiKeySecret.hashMatches(presentedKey, secretHash);
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }

    public void touch(Instant when) {
        lastUsedAt = when;
    }

    public Long id() { return id; }
    public OrganizationId organizationId() { return OrganizationId.of(organizationId); }
    public String name() { return name; }
    public String prefix() { return prefix; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant lastUsedAt() { return lastUsedAt; }
    public Instant revokedAt() { return revokedAt; }
    public boolean revoked() { return revokedAt != null; }
}
