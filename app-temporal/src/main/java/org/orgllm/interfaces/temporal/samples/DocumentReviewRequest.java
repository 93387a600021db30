package org.orgllm.interfaces.temporal.samples;

/**
 * What to review and whom to tell.
 *
 * @param targetAudience who receives the note, e.g. {@code Leadership team}
 */
public record DocumentReviewRequest(String organizationId, String content, String targetAudience) {}
