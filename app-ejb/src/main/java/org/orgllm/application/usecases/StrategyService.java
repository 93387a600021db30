package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotNull;

/**
 * Strategic recommendations for a scenario ({@code provide_strategic_recommendations}).
 * The caller must be able to reach the organization; the result always parses into {@link StrategyRecommendations}.
 */
public interface StrategyService {

    UseCaseResult<StrategyRecommendations> recommend(@NotNull StrategyRequest request, @NotNull UseCaseOptions options);
}
