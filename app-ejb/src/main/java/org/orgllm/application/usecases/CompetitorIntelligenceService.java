package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotNull;

/**
 * Competitive intelligence on a competitor's move ({@code analyze_competitive_landscape}).
 * The caller must be able to reach the organization; the result always parses into {@link CompetitiveIntelligence}.
 */
public interface CompetitorIntelligenceService {

    UseCaseResult<CompetitiveIntelligence> analyze(@NotNull CompetitorAnalysisRequest request, @NotNull UseCaseOptions options);
}
