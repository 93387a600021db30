package org.orgllm.domain.model.feedback;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orgllm.domain.model.generation.Generation;
import org.orgllm.domain.model.organization.OrganizationId;

/** Stored feedback and preference pairs. */
public interface FeedbackRepository {

    /**
     * Inserts the reviewer's feedback on the generation, or replaces it when there is one already —
     * in one statement, so a double submit never makes a second row.
     */
    Feedback upsert(UUID generationId, String reviewer, Integer quality, Integer alignment, Integer brandVoice,
            Boolean thumbsUp, String rationale, String correctedOutput);

    Optional<Feedback> find(UUID generationId, String reviewer);

    /** All reviewers' feedback on the generation, oldest first. */
    List<Feedback> forGeneration(UUID generationId);

    void store(PreferencePair pair);

    /** The organization's successful generations nobody has rated yet, oldest first (the queue is worked in order). */
    List<Generation> unreviewed(OrganizationId organization, int offset, int limit);

    long countUnreviewed(OrganizationId organization);

    /** Rating summaries of the generations that have feedback, among {@code generationIds}. */
    List<FeedbackSummary> summaries(java.util.Collection<UUID> generationIds);
}
