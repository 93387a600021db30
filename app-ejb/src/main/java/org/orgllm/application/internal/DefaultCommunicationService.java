package org.orgllm.application.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.orgllm.application.usecases.CommunicationService;
import org.orgllm.application.usecases.CommunicationRequest;
import org.orgllm.application.usecases.CommunicationDraft;
import org.orgllm.application.usecases.UseCase;
import org.orgllm.application.usecases.UseCaseOptions;
import org.orgllm.application.usecases.UseCaseResult;
import org.orgllm.domain.model.user.Role;

/** Runs {@link UseCase#COMMUNICATION} outside any transaction (the inference is long; records commit on their own). */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DeclareRoles({Role.USER_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME, "API"})
public class DefaultCommunicationService implements CommunicationService {

    @Inject
    UseCaseRunner runner;

    @Override
    public UseCaseResult<CommunicationDraft> draft(CommunicationRequest request, UseCaseOptions options) {
        return runner.run(UseCase.COMMUNICATION, request, options);
    }
}
