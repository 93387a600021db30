package org.orgllm.inference.structured;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Response types shaped like the product's use cases, annotated as an application would. */
final class UseCaseRecords {

    private UseCaseRecords() {
    }

    record DocumentAnalysis(
            @NotBlank @Size(max = 400) String summary,
            @Size(min = 1, max = 5) List<@NotBlank @Size(max = 120) String> keyInsights,
            @DecimalMin("0.0") @DecimalMax("1.0") double organizationalAlignment,
            @Size(max = 5) List<@Size(max = 120) String> strategicRecommendations) {
    }

    record CustomerResponse(
            @NotBlank String draftResponse,
            @Size(max = 60) String toneAnalysis,
            @DecimalMin("0") @DecimalMax("1") double brandCompliance,
            boolean escalationNeeded,
            @Size(max = 4) List<String> suggestedActions) {
    }

    record KnowledgeResponse(
            String answer,
            @DecimalMin("0") @DecimalMax("1") double confidenceScore,
            List<String> sourceReferences,
            @Size(max = 3) List<String> relatedPolicies,
            @NotEmpty @Size(max = 3) List<String> followUpQuestions) {
    }

    enum Priority { LOW, MEDIUM, HIGH, URGENT }

    record Contact(@NotBlank @Size(max = 40) String name, @Min(18) @Max(120) int age) {
    }

    record Step(@Size(min = 1, max = 30) String action, @Min(0) @Max(9999) long minutes, boolean done) {
    }

    record Ticket(
            Priority priority,
            @Min(-3) @Max(3) int sentiment,
            Contact contact,
            @Size(min = 1, max = 3) List<Step> steps,
            List<List<@Min(0) @Max(9) Integer>> matrix,
            float score) {
    }
}
