package org.orgllm.application.usecases;

import org.orgllm.application.prompts.PromptTemplate;
import org.orgllm.application.prompts.UseCasePrompts;

/**
 * A use case's definition: its name (the activity name workflows call), request and response types,
 * default token budget and prompt template. The response type is also the JSON schema of the output.
 */
public record UseCase<Q extends UseCaseRequest<Q>, R extends Record>(String name, Class<Q> requestType,
        Class<R> responseType, int defaultMaxTokens, PromptTemplate<Q> prompt) {

    public static final UseCase<DocumentAnalysisRequest, DocumentAnalysis> ANALYZE_DOCUMENT = new UseCase<>(
            "analyze_document_content", DocumentAnalysisRequest.class, DocumentAnalysis.class, 1000,
            UseCasePrompts.DOCUMENT_ANALYSIS);
    public static final UseCase<StrategyRequest, StrategyRecommendations> STRATEGY = new UseCase<>(
            "provide_strategic_recommendations", StrategyRequest.class, StrategyRecommendations.class, 1500,
            UseCasePrompts.STRATEGY);
    public static final UseCase<CommunicationRequest, CommunicationDraft> COMMUNICATION = new UseCase<>(
            "draft_internal_communication", CommunicationRequest.class, CommunicationDraft.class, 2000,
            UseCasePrompts.COMMUNICATION);
    public static final UseCase<CompetitorAnalysisRequest, CompetitiveIntelligence> COMPETITOR = new UseCase<>(
            "analyze_competitive_landscape", CompetitorAnalysisRequest.class, CompetitiveIntelligence.class, 1800,
            UseCasePrompts.COMPETITOR);
    public static final UseCase<KnowledgeQuery, KnowledgeResponse> KNOWLEDGE = new UseCase<>(
            "answer_organizational_query", KnowledgeQuery.class, KnowledgeResponse.class, 1000, null);
    public static final UseCase<CustomerCommunicationRequest, CustomerResponse> CUSTOMER = new UseCase<>(
            "draft_customer_response", CustomerCommunicationRequest.class, CustomerResponse.class, 1200,
            UseCasePrompts.CUSTOMER);
    public static final UseCase<DocumentSummaryRequest, DocumentSummary> SUMMARY = new UseCase<>(
            "generate_document_summary", DocumentSummaryRequest.class, DocumentSummary.class, 800,
            UseCasePrompts.SUMMARY);

    public static final java.util.List<UseCase<?, ?>> ALL = java.util.List.of(ANALYZE_DOCUMENT, STRATEGY,
            COMMUNICATION, COMPETITOR, KNOWLEDGE, CUSTOMER, SUMMARY);
}
