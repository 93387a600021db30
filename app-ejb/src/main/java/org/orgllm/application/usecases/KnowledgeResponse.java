package org.orgllm.application.usecases;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An answer from the knowledge base. {@code source_references} lists exactly the document chunks that
 * were retrieved for the question (set by the service, never by the model), as {@code title#chunk}.
 */
public record KnowledgeResponse(
        @NotBlank @Size(max = 2000) String answer,
        @DecimalMin("0") @DecimalMax("1") double confidenceScore,
        @Size(max = 10) List<String> sourceReferences,
        @Size(max = 5) List<@NotBlank @Size(max = 200) String> relatedPolicies,
        @Size(max = 5) List<@NotBlank @Size(max = 300) String> followUpQuestions) {}
