package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotNull;

/**
 * A plain summary of a document ({@code generate_document_summary}).
 * The caller must be able to reach the organization; the result always parses into {@link DocumentSummary}.
 */
public interface DocumentSummaryService {

    UseCaseResult<DocumentSummary> summarize(@NotNull DocumentSummaryRequest request, @NotNull UseCaseOptions options);
}
