package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code answer_organizational_query}: a question answered from the organization's knowledge base. */
public record KnowledgeQuery(
        @NotBlank String organizationId,
        @Size(max = 200) String organizationName,
        @NotBlank @Size(max = 2000) String question,
        @Size(max = 8000) String context) implements UseCaseRequest {}
