package org.orgllm.application;

import java.time.Instant;
import java.util.UUID;
import org.orgllm.domain.model.feedback.Feedback;

/** A reviewer's feedback on a generation as callers see it. */
public record FeedbackView(long id, UUID generationId, String reviewer, Integer quality, Integer alignment,
                           Integer brandVoice, Boolean thumbsUp, String rationale, String correctedOutput,
                           Instant createdAt, Instant updatedAt) {

    public static FeedbackView of(Feedback f) {
        return new FeedbackView(f.id(), f.generationId(), f.reviewer(), f.quality(), f.alignment(), f.brandVoice(),
                f.thumbsUp(), f.rationale(), f.correctedOutput(), f.createdAt(), f.updatedAt());
    }
}
