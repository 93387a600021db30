package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.orgllm.application.OrganizationProfile;
import static org.orgllm.application.usecases.UseCaseRequest.or;
import static org.orgllm.application.usecases.UseCaseRequest.orList;

/** {@code provide_strategic_recommendations}: a scenario to advise on. */
public record StrategyRequest(
        @NotBlank String organizationId,
        @Size(max = 200) String organizationName,
        @NotBlank @Size(max = 8000) String scenario,
        String context,
        @Size(max = 50) List<@Size(max = 300) String> stakeholders,
        @Size(max = 50) List<@Size(max = 500) String> organizationalValues,
        @Size(max = 50) List<@Size(max = 500) String> strategicGoals,
        @Size(max = 2000) String riskProfile) implements UseCaseRequest<StrategyRequest> {

    @Override
    public StrategyRequest withProfile(OrganizationProfile p) {
        return new StrategyRequest(organizationId, or(organizationName, p.name()), scenario, context, stakeholders, orList(organizationalValues, p.organizationalValues()), orList(strategicGoals, p.strategicGoals()), or(riskProfile, p.riskProfile()));
    }
}
