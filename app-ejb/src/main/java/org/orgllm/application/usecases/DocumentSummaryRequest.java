package org.orgllm.application.usecases;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.orgllm.application.OrganizationProfile;
import static org.orgllm.application.usecases.UseCaseRequest.or;
import static org.orgllm.application.usecases.UseCaseRequest.orList;
import jakarta.validation.constraints.Size;

/** {@code generate_document_summary}: a plain summary of a document. */
public record DocumentSummaryRequest(
        @NotBlank String organizationId,
        @Size(max = 200) String organizationName,
        @NotBlank String content,
        @Min(20) @Max(2000) Integer maxWords) implements UseCaseRequest<DocumentSummaryRequest> {

    @Override
    public DocumentSummaryRequest withProfile(OrganizationProfile p) {
        return new DocumentSummaryRequest(organizationId, or(organizationName, p.name()), content, maxWords);
    }
}
