package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.orgllm.application.OrganizationProfile;
import static org.orgllm.application.usecases.UseCaseRequest.or;
import static org.orgllm.application.usecases.UseCaseRequest.orList;

/** {@code analyze_competitive_landscape}: a competitor's move and the market around it. */
public record CompetitorAnalysisRequest(
        @NotBlank String organizationId,
        @Size(max = 200) String organizationName,
        @NotBlank @Size(max = 8000) String competitorAction,
        String marketData,
        @Size(max = 4000) String currentPosition,
        @Size(max = 50) List<@Size(max = 500) String> organizationalStrengths) implements UseCaseRequest<CompetitorAnalysisRequest> {

    @Override
    public CompetitorAnalysisRequest withProfile(OrganizationProfile p) {
        return new CompetitorAnalysisRequest(organizationId, or(organizationName, p.name()), competitorAction, marketData, currentPosition, orList(organizationalStrengths, p.strengths()));
    }
}
