package org.orgllm.application.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.orgllm.application.usecases.CompetitorIntelligenceService;
import org.orgllm.application.usecases.CompetitorAnalysisRequest;
import org.orgllm.application.usecases.CompetitiveIntelligence;
import org.orgllm.application.usecases.UseCase;
import org.orgllm.application.usecases.UseCaseOptions;
import org.orgllm.application.usecases.UseCaseResult;
import org.orgllm.domain.model.user.Role;

/** Runs {@link UseCase#COMPETITOR} outside any transaction (the inference is long; records commit on their own). */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DeclareRoles({Role.USER_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME, "API"})
public class DefaultCompetitorIntelligenceService implements CompetitorIntelligenceService {

    @Inject
    UseCaseRunner runner;

    @Override
    public UseCaseResult<CompetitiveIntelligence> analyze(CompetitorAnalysisRequest request, UseCaseOptions options) {
        return runner.run(UseCase.COMPETITOR, request, options);
    }
}
