package org.orgllm.domain.model.feedback;

import java.util.UUID;

/** How reviewers rated one generation: how many ratings, and their averages on 1–5. */
public record FeedbackSummary(UUID generationId, long count, double quality, double alignment, double brandVoice) {}
