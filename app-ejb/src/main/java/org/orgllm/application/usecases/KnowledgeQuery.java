package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotBlank;
import org.orgllm.application.OrganizationProfile;
import static org.orgllm.application.usecases.UseCaseRequest.or;
import static org.orgllm.application.usecases.UseCaseRequest.orList;
import jakarta.validation.constraints.Size;

/** {@code answer_organizational_query}: a question answered from the organization's knowledge base. */
public record KnowledgeQuery(
        @NotBlank String organizationId,
        @Size(max = 200) String organizationName,
        @NotBlank @Size(max = 2000) String question,
        @Size(max = 8000) String context) implements UseCaseRequest<KnowledgeQuery> {

    @Override
    public KnowledgeQuery withProfile(OrganizationProfile p) {
        return new KnowledgeQuery(organizationId, or(organizationName, p.name()), question, context);
    }
}
