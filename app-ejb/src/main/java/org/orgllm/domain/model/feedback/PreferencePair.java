package org.orgllm.domain.model.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.orgllm.domain.model.organization.OrganizationId;

/**
 * A reviewer's choice between two answers to the same request: A, B or a tie, and why. The prompt, the
 * chosen and the rejected output of a DPO pair are read from the two generations.
 */
@Entity
@Table(name = "preference_pairs")
public class PreferencePair {

    /** Which candidate the reviewer preferred. */
    public enum Preferred { A, B, TIE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "organization_id", nullable = false, updatable = false, length = 63)
    private String organizationId;

    @Column(name = "reviewer", nullable = false, updatable = false, length = 100)
    private String reviewer;

    @Column(name = "generation_a_id", nullable = false, updatable = false)
    private UUID generationA;

    @Column(name = "generation_b_id", nullable = false, updatable = false)
    private UUID generationB;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred", nullable = false, length = 4)
    private Preferred preferred;

    @Column(name = "rationale")
    private String rationale;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected PreferencePair() {
        // for JPA
    }

    public PreferencePair(OrganizationId organization, String reviewer, UUID generationA, UUID generationB,
            Preferred preferred, String rationale) {
        if (Objects.equals(generationA, generationB)) {
            throw new IllegalArgumentException("a pair needs two different generations");
        }
        this.organizationId = organization.value();
        this.reviewer = Objects.requireNonNull(reviewer, "reviewer");
        this.generationA = Objects.requireNonNull(generationA, "generationA");
        this.generationB = Objects.requireNonNull(generationB, "generationB");
        this.preferred = Objects.requireNonNull(preferred, "preferred");
        this.rationale = rationale;
        this.createdAt = Instant.now();
    }

    public Long id() { return id; }
    public OrganizationId organizationId() { return OrganizationId.of(organizationId); }
    public String reviewer() { return reviewer; }
    public UUID generationA() { return generationA; }
    public UUID generationB() { return generationB; }
    public Preferred preferred() { return preferred; }
    public String rationale() { return rationale; }
    public Instant createdAt() { return createdAt; }
}
