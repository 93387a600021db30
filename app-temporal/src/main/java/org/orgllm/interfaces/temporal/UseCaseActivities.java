package org.orgllm.interfaces.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import org.orgllm.application.usecases.CommunicationDraft;
import org.orgllm.application.usecases.CommunicationRequest;
import org.orgllm.application.usecases.CompetitiveIntelligence;
import org.orgllm.application.usecases.CompetitorAnalysisRequest;
import org.orgllm.application.usecases.CustomerCommunicationRequest;
import org.orgllm.application.usecases.CustomerResponse;
import org.orgllm.application.usecases.DocumentAnalysis;
import org.orgllm.application.usecases.DocumentAnalysisRequest;
import org.orgllm.application.usecases.DocumentSummary;
import org.orgllm.application.usecases.DocumentSummaryRequest;
import org.orgllm.application.usecases.KnowledgeQuery;
import org.orgllm.application.usecases.KnowledgeResponse;
import org.orgllm.application.usecases.StrategyRecommendations;
import org.orgllm.application.usecases.StrategyRequest;

/**
 * The use-case activities served on {@link TaskQueues#LOCAL_LLM}, typed for Java workflows
 * ({@code Workflow.newActivityStub(UseCaseActivities.class, options)}); workflows in other languages call
 * the same names with a JSON object. Requests and results are the REST API's records in snake_case;
 * unknown fields are ignored and omitted optional fields are filled from the organization's profile.
 *
 * <p>Contract, the same for every activity:
 * <ul>
 *   <li><b>Idempotent</b>: an attempt is keyed on the namespace, workflow id, activity id, activity
 *       name and request. A retry of an attempt that already produced a result returns the stored result
 *       without generating again; so does a new run with the same workflow id, activity id and request.
 *   <li><b>Heartbeats</b> every second with {@code {"characters", "deltas", "elapsed_ms"}}; set a
 *       {@code heartbeat_timeout} (e.g. 30 s) so a lost worker is noticed and the activity retried on
 *       another. Cancelling the activity (or its heartbeat timing out) stops the generation.
 *   <li><b>Retried</b> (retryable failures): {@value ActivityFailures#OVERLOADED} (with the engine's
 *       retry-after as the next delay), {@value ActivityFailures#MODEL_UNAVAILABLE} (a few seconds),
 *       {@value ActivityFailures#GENERATION_FAILED}, {@value ActivityFailures#GENERATION_CANCELLED},
 *       {@value ActivityFailures#GENERATION_IN_PROGRESS} (an earlier attempt still runs; a few seconds)
 *       and unexpected errors.
 *   <li><b>Not retried</b> (non-retryable {@code ApplicationFailure}s, typed): {@value ActivityFailures#INVALID_INPUT},
 *       {@value ActivityFailures#INVALID_ORGANIZATION_ID}, {@value ActivityFailures#UNKNOWN_ORGANIZATION},
 *       {@value ActivityFailures#CONTENT_TOO_LARGE}, {@value ActivityFailures#PROMPT_TOO_LARGE},
 *       {@value ActivityFailures#RESULT_TOO_LARGE}, {@value ActivityFailures#UNKNOWN_ACTIVITY}.
 * </ul>
 * The worker serves these names through {@link UseCaseActivitiesImpl}, which decodes the JSON itself so
 * that malformed input fails as {@value ActivityFailures#INVALID_INPUT} instead of being retried.
 */
@ActivityInterface
public interface UseCaseActivities {

    String ANALYZE_DOCUMENT_CONTENT = "analyze_document_content";
    String PROVIDE_STRATEGIC_RECOMMENDATIONS = "provide_strategic_recommendations";
    String DRAFT_INTERNAL_COMMUNICATION = "draft_internal_communication";
    String ANALYZE_COMPETITIVE_LANDSCAPE = "analyze_competitive_landscape";
    String ANSWER_ORGANIZATIONAL_QUERY = "answer_organizational_query";
    String DRAFT_CUSTOMER_RESPONSE = "draft_customer_response";
    String GENERATE_DOCUMENT_SUMMARY = "generate_document_summary";

    @ActivityMethod(name = ANALYZE_DOCUMENT_CONTENT)
    DocumentAnalysis analyzeDocumentContent(DocumentAnalysisRequest request);

    @ActivityMethod(name = PROVIDE_STRATEGIC_RECOMMENDATIONS)
    StrategyRecommendations provideStrategicRecommendations(StrategyRequest request);

    @ActivityMethod(name = DRAFT_INTERNAL_COMMUNICATION)
    CommunicationDraft draftInternalCommunication(CommunicationRequest request);

    @ActivityMethod(name = ANALYZE_COMPETITIVE_LANDSCAPE)
    CompetitiveIntelligence analyzeCompetitiveLandscape(CompetitorAnalysisRequest request);

    @ActivityMethod(name = ANSWER_ORGANIZATIONAL_QUERY)
    KnowledgeResponse answerOrganizationalQuery(KnowledgeQuery request);

    @ActivityMethod(name = DRAFT_CUSTOMER_RESPONSE)
    CustomerResponse draftCustomerResponse(CustomerCommunicationRequest request);

    @ActivityMethod(name = GENERATE_DOCUMENT_SUMMARY)
    DocumentSummary generateDocumentSummary(DocumentSummaryRequest request);
}
