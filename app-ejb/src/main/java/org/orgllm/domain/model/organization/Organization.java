package org.orgllm.domain.model.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An organization served by OrgLLM and the profile woven into every prompt made for it: its values,
 * strategic goals, risk profile, strengths, communication style and brand voice.
 */
@Entity
@Table(name = "organizations")
public class Organization {

    @Id
    @Column(name = "id", length = 63)
    private String id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "description")
    private String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "organizational_values", nullable = false, columnDefinition = "text[]")
    private List<String> values = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "strategic_goals", nullable = false, columnDefinition = "text[]")
    private List<String> strategicGoals = new ArrayList<>();

    @Column(name = "risk_profile", length = 2000)
    private String riskProfile;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "strengths", nullable = false, columnDefinition = "text[]")
    private List<String> strengths = new ArrayList<>();

    @Column(name = "communication_style", length = 2000)
    private String communicationStyle;

    @Column(name = "brand_voice", length = 4000)
    private String brandVoice;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Organization() {
        // for JPA
    }

    public Organization(OrganizationId id, String name) {
        this.id = id.value();
        this.name = name;
        this.createdAt = Instant.now();
        this.updatedAt = this.createdAt;
    }

    public OrganizationId id() {
        return OrganizationId.of(id);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<String> values() {
        return List.copyOf(values);
    }

    public List<String> strategicGoals() {
        return List.copyOf(strategicGoals);
    }

    public String riskProfile() {
        return riskProfile;
    }

    public List<String> strengths() {
        return List.copyOf(strengths);
    }

    public String communicationStyle() {
        return communicationStyle;
    }

    public String brandVoice() {
        return brandVoice;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Replaces the whole profile (name included); lists are copied. */
    public void updateProfile(String name, String description, List<String> values, List<String> strategicGoals,
            String riskProfile, List<String> strengths, String communicationStyle, String brandVoice) {
        this.name = name;
        this.description = description;
        this.values = new ArrayList<>(values == null ? List.of() : values);
        this.strategicGoals = new ArrayList<>(strategicGoals == null ? List.of() : strategicGoals);
        this.riskProfile = riskProfile;
        this.strengths = new ArrayList<>(strengths == null ? List.of() : strengths);
        this.communicationStyle = communicationStyle;
        this.brandVoice = brandVoice;
        this.updatedAt = Instant.now();
    }
}
