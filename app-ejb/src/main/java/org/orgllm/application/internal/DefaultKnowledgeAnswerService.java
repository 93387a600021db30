package org.orgllm.application.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.orgllm.application.prompts.KnowledgePrompt;
import org.orgllm.application.usecases.KnowledgeAnswerDraft;
import org.orgllm.application.usecases.KnowledgeAnswerService;
import org.orgllm.application.usecases.KnowledgeQuery;
import org.orgllm.application.usecases.KnowledgeResponse;
import org.orgllm.application.usecases.UseCase;
import org.orgllm.application.usecases.UseCaseLimits;
import org.orgllm.application.usecases.UseCaseOptions;
import org.orgllm.application.usecases.UseCaseResult;
import org.orgllm.domain.model.knowledge.KnowledgeRepository;
import org.orgllm.domain.model.knowledge.RetrievedChunk;
import org.orgllm.domain.model.user.Role;

/** Retrieval, then a grounded answer whose references are exactly the retrieved chunks. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DeclareRoles({Role.USER_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME, "API"})
public class DefaultKnowledgeAnswerService implements KnowledgeAnswerService {

    /** Passages given to the model: enough to ground an answer, few enough to fit a small context. */
    static final int PASSAGES = 4;

    /** The confidence reported when nothing in the knowledge base matched. */
    static final double NOTHING_FOUND_CONFIDENCE = 0.05;

    @Inject
    UseCaseRunner runner;

    @Inject
    KnowledgeRepository knowledge;

    @Inject
    OrganizationAccess access;

    @Inject
    RequestValidator validator;

    @Override
    public UseCaseResult<KnowledgeResponse> answer(KnowledgeQuery query, UseCaseOptions options) {
        UseCaseLimits.check(query);
        validator.validate(query);
        var organization = access.load(query.organizationId());
        List<RetrievedChunk> chunks = knowledge.search(organization.id(), query.question(), PASSAGES);
        if (chunks.isEmpty()) {
            KnowledgeResponse nothing = new KnowledgeResponse(
                    "I found nothing about this in " + organization.name() + "'s knowledge base, so I cannot answer "
                            + "it from the organization's documents.",
                    NOTHING_FOUND_CONFIDENCE, List.of(), List.of(),
                    List.of("Which document or policy should cover this question?"));
            return runner.answerWithoutModel(UseCase.KNOWLEDGE, query, options, nothing, "no_context");
        }
        List<String> references = chunks.stream().map(RetrievedChunk::reference).toList();
        return runner.run(UseCase.KNOWLEDGE, query, options, KnowledgeAnswerDraft.class,
                (profile, filled) -> KnowledgePrompt.render(profile, filled, chunks),
                draft -> new KnowledgeResponse(draft.answer(), draft.confidenceScore(), references,
                        draft.relatedPolicies(), draft.followUpQuestions()));
    }
}
