package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotNull;

/**
 * Drafts replies to customers in the organization's voice ({@code draft_customer_response}).
 * The caller must be able to reach the organization; the result always parses into {@link CustomerResponse}.
 */
public interface CustomerResponseService {

    UseCaseResult<CustomerResponse> draft(@NotNull CustomerCommunicationRequest request, @NotNull UseCaseOptions options);
}
