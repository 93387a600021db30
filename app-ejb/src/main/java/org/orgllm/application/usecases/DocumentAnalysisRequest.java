package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code analyze_document_content}: a document to analyze against the organization's values. */
public record DocumentAnalysisRequest(
        @NotBlank String organizationId,
        @Size(max = 200) String organizationName,
        @Size(max = 50) List<@Size(max = 500) String> organizationalValues,
        @NotBlank @Size(max = UseCaseLimits.MAX_CONTENT_CHARS) String content) implements UseCaseRequest {}
