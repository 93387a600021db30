package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.orgllm.application.OrganizationProfile;
import static org.orgllm.application.usecases.UseCaseRequest.or;
import static org.orgllm.application.usecases.UseCaseRequest.orList;

/** {@code analyze_document_content}: a document to analyze against the organization's values. */
public record DocumentAnalysisRequest(
        @NotBlank String organizationId,
        @Size(max = 200) String organizationName,
        @Size(max = 50) List<@Size(max = 500) String> organizationalValues,
        @NotBlank String content) implements UseCaseRequest<DocumentAnalysisRequest> {

    @Override
    public DocumentAnalysisRequest withProfile(OrganizationProfile p) {
        return new DocumentAnalysisRequest(organizationId, or(organizationName, p.name()), orList(organizationalValues, p.organizationalValues()), content);
    }
}
