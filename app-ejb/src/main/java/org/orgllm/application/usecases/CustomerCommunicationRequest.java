package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.orgllm.application.OrganizationProfile;
import static org.orgllm.application.usecases.UseCaseRequest.or;
import static org.orgllm.application.usecases.UseCaseRequest.orList;

/** {@code draft_customer_response}: a customer's message to answer in the organization's voice. */
public record CustomerCommunicationRequest(
        @NotBlank String organizationId,
        @Size(max = 200) String organizationName,
        @NotBlank @Size(max = 8000) String customerMessage,
        @Size(max = 100) String communicationType,
        @Size(max = 100) String customerSegment,
        @Size(max = 100) String issueCategory,
        @Size(max = 50) List<@Size(max = 500) String> organizationalValues) implements UseCaseRequest<CustomerCommunicationRequest> {

    @Override
    public CustomerCommunicationRequest withProfile(OrganizationProfile p) {
        return new CustomerCommunicationRequest(organizationId, or(organizationName, p.name()), customerMessage, communicationType, customerSegment, issueCategory, orList(organizationalValues, p.organizationalValues()));
    }
}
