package org.orgllm.domain.model.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One reviewer's rating of one generation: quality, organizational alignment and brand voice on 1–5,
 * thumbs up or down, why, and optionally the output as it should have been. One per
 * (generation, reviewer); the reviewer edits it rather than adding another.
 */
@Entity
@Table(name = "feedback")
public class Feedback {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "generation_id", nullable = false, updatable = false)
    private UUID generationId;

    @Column(name = "reviewer", nullable = false, updatable = false, length = 100)
    private String reviewer;

    @Column(name = "quality")
    private Short quality;

    @Column(name = "alignment")
    private Short alignment;

    @Column(name = "brand_voice")
    private Short brandVoice;

    @Column(name = "thumbs_up")
    private Boolean thumbsUp;

    @Column(name = "rationale")
    private String rationale;

    @Column(name = "corrected_output")
    private String correctedOutput;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Feedback() {
        // for JPA
    }

    public Long id() { return id; }
    public UUID generationId() { return generationId; }
    public String reviewer() { return reviewer; }
    public Integer quality() { return quality == null ? null : quality.intValue(); }
    public Integer alignment() { return alignment == null ? null : alignment.intValue(); }
    public Integer brandVoice() { return brandVoice == null ? null : brandVoice.intValue(); }
    public Boolean thumbsUp() { return thumbsUp; }
    public String rationale() { return rationale; }
    public String correctedOutput() { return correctedOutput; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
