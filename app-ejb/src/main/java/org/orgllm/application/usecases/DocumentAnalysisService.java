package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotNull;

/**
 * Analyzes a document against the organization's values ({@code analyze_document_content}).
 * The caller must be able to reach the organization; the result always parses into {@link DocumentAnalysis}.
 */
public interface DocumentAnalysisService {

    UseCaseResult<DocumentAnalysis> analyze(@NotNull DocumentAnalysisRequest request, @NotNull UseCaseOptions options);
}
