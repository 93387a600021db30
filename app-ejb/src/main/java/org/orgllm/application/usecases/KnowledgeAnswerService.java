package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotNull;

/**
 * Answers a question from the organization's knowledge base ({@code answer_organizational_query}):
 * the best chunks are retrieved and given to the model; {@code source_references} lists exactly those
 * chunks. With nothing relevant found, the answer says so with a low confidence.
 */
public interface KnowledgeAnswerService {

    UseCaseResult<KnowledgeResponse> answer(@NotNull KnowledgeQuery query, @NotNull UseCaseOptions options);
}
