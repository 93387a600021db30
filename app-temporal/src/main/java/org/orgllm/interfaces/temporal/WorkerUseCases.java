package org.orgllm.interfaces.temporal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.orgllm.application.usecases.CommunicationDraft;
import org.orgllm.application.usecases.CommunicationRequest;
import org.orgllm.application.usecases.CommunicationService;
import org.orgllm.application.usecases.CompetitiveIntelligence;
import org.orgllm.application.usecases.CompetitorAnalysisRequest;
import org.orgllm.application.usecases.CompetitorIntelligenceService;
import org.orgllm.application.usecases.CustomerCommunicationRequest;
import org.orgllm.application.usecases.CustomerResponse;
import org.orgllm.application.usecases.CustomerResponseService;
import org.orgllm.application.usecases.DocumentAnalysis;
import org.orgllm.application.usecases.DocumentAnalysisRequest;
import org.orgllm.application.usecases.DocumentAnalysisService;
import org.orgllm.application.usecases.DocumentSummary;
import org.orgllm.application.usecases.DocumentSummaryRequest;
import org.orgllm.application.usecases.DocumentSummaryService;
import org.orgllm.application.usecases.KnowledgeAnswerService;
import org.orgllm.application.usecases.KnowledgeQuery;
import org.orgllm.application.usecases.KnowledgeResponse;
import org.orgllm.application.usecases.StrategyRecommendations;
import org.orgllm.application.usecases.StrategyRequest;
import org.orgllm.application.usecases.StrategyService;
import org.orgllm.application.usecases.UseCaseOptions;
import org.orgllm.application.usecases.UseCaseResult;
import org.orgllm.domain.model.user.Role;

/**
 * The seven use cases as the Temporal worker reaches them: the same application services the REST API
 * calls, invoked under the worker's system identity. Activity threads carry no caller, and the services
 * only serve callers who may reach the organization; this bean runs its calls as the {@code ADMIN} role
 * ({@link RunAs}), mapped to the principal {@value #PRINCIPAL} in {@code WEB-INF/glassfish-web.xml}, so
 * the worker may serve every organization. Who may use the worker is decided by who can reach the
 * Temporal namespace and task queue (see the package documentation).
 *
 * <p>It exposes exactly the seven use cases and nothing else of what ADMIN may do. Callers must use the
 * container's reference (injected), never {@code this}: only calls through the container run as ADMIN.
 */
@Stateless
@RunAs(Role.ADMIN_NAME)
@DeclareRoles(Role.ADMIN_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WorkerUseCases {

    /** The run-as principal: recorded as the generations' {@code requested_by}; no user can have this name. */
    public static final String PRINCIPAL = "system:temporal-worker";

    @Inject
    DocumentAnalysisService documentAnalysis;

    @Inject
    StrategyService strategy;

    @Inject
    CommunicationService communication;

    @Inject
    CompetitorIntelligenceService competitor;

    @Inject
    KnowledgeAnswerService knowledge;

    @Inject
    CustomerResponseService customer;

    @Inject
    DocumentSummaryService summary;

    public UseCaseResult<DocumentAnalysis> analyzeDocument(DocumentAnalysisRequest request, UseCaseOptions options) {
        return documentAnalysis.analyze(request, options);
    }

    public UseCaseResult<StrategyRecommendations> recommendStrategy(StrategyRequest request, UseCaseOptions options) {
        return strategy.recommend(request, options);
    }

    public UseCaseResult<CommunicationDraft> draftCommunication(CommunicationRequest request, UseCaseOptions options) {
        return communication.draft(request, options);
    }

    public UseCaseResult<CompetitiveIntelligence> analyzeCompetitor(CompetitorAnalysisRequest request,
            UseCaseOptions options) {
        return competitor.analyze(request, options);
    }

    public UseCaseResult<KnowledgeResponse> answerQuery(KnowledgeQuery request, UseCaseOptions options) {
        return knowledge.answer(request, options);
    }

    public UseCaseResult<CustomerResponse> draftCustomerResponse(CustomerCommunicationRequest request,
            UseCaseOptions options) {
        return customer.draft(request, options);
    }

    public UseCaseResult<DocumentSummary> summarize(DocumentSummaryRequest request, UseCaseOptions options) {
        return summary.summarize(request, options);
    }
}
