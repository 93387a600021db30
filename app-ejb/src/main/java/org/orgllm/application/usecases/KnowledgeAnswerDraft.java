package org.orgllm.application.usecases;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What the model writes for a knowledge answer: everything but the source references, which the
 * service fills from the retrieval so they are never invented.
 */
public record KnowledgeAnswerDraft(
        @NotBlank @Size(max = 2000) String answer,
        @DecimalMin("0") @DecimalMax("1") double confidenceScore,
        @Size(max = 5) List<@NotBlank @Size(max = 200) String> relatedPolicies,
        @Size(max = 5) List<@NotBlank @Size(max = 300) String> followUpQuestions) {}
