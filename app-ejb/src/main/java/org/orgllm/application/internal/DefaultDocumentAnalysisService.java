package org.orgllm.application.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.orgllm.application.usecases.DocumentAnalysisService;
import org.orgllm.application.usecases.DocumentAnalysisRequest;
import org.orgllm.application.usecases.DocumentAnalysis;
import org.orgllm.application.usecases.UseCase;
import org.orgllm.application.usecases.UseCaseOptions;
import org.orgllm.application.usecases.UseCaseResult;
import org.orgllm.domain.model.user.Role;

/** Runs {@link UseCase#ANALYZE_DOCUMENT} outside any transaction (the inference is long; records commit on their own). */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DeclareRoles({Role.USER_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME, "API"})
public class DefaultDocumentAnalysisService implements DocumentAnalysisService {

    @Inject
    UseCaseRunner runner;

    @Override
    public UseCaseResult<DocumentAnalysis> analyze(DocumentAnalysisRequest request, UseCaseOptions options) {
        return runner.run(UseCase.ANALYZE_DOCUMENT, request, options);
    }
}
