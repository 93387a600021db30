package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotNull;

/**
 * Drafts internal communications in the organization's voice ({@code draft_internal_communication}).
 * The caller must be able to reach the organization; the result always parses into {@link CommunicationDraft}.
 */
public interface CommunicationService {

    UseCaseResult<CommunicationDraft> draft(@NotNull CommunicationRequest request, @NotNull UseCaseOptions options);
}
