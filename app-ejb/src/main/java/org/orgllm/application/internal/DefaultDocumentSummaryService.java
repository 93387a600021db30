package org.orgllm.application.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.orgllm.application.usecases.DocumentSummaryService;
import org.orgllm.application.usecases.DocumentSummaryRequest;
import org.orgllm.application.usecases.DocumentSummary;
import org.orgllm.application.usecases.UseCase;
import org.orgllm.application.usecases.UseCaseOptions;
import org.orgllm.application.usecases.UseCaseResult;
import org.orgllm.domain.model.user.Role;

/** Runs {@link UseCase#SUMMARY} outside any transaction (the inference is long; records commit on their own). */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DeclareRoles({Role.USER_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME, "API"})
public class DefaultDocumentSummaryService implements DocumentSummaryService {

    @Inject
    UseCaseRunner runner;

    @Override
    public UseCaseResult<DocumentSummary> summarize(DocumentSummaryRequest request, UseCaseOptions options) {
        return runner.run(UseCase.SUMMARY, request, options);
    }
}
