package org.orgllm.interfaces.rest.v1;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orgllm.application.usecases.CommunicationRequest;
import org.orgllm.application.usecases.CommunicationService;
import org.orgllm.application.usecases.CompetitorAnalysisRequest;
import org.orgllm.application.usecases.CompetitorIntelligenceService;
import org.orgllm.application.usecases.CustomerCommunicationRequest;
import org.orgllm.application.usecases.CustomerResponseService;
import org.orgllm.application.usecases.DocumentAnalysisRequest;
import org.orgllm.application.usecases.DocumentAnalysisService;
import org.orgllm.application.usecases.DocumentSummaryRequest;
import org.orgllm.application.usecases.DocumentSummaryService;
import org.orgllm.application.usecases.KnowledgeAnswerService;
import org.orgllm.application.usecases.KnowledgeQuery;
import org.orgllm.application.usecases.StrategyRequest;
import org.orgllm.application.usecases.StrategyService;

/**
 * One POST per use case, named like the activity existing workflows call. The body is the use case's
 * request (snake_case); the answer is its typed result, or — with {@code Accept: text/event-stream} —
 * a stream of text deltas followed by the result. {@code ?max_tokens=N} overrides the use case's
 * default token budget (the JSON is closed in time, so the result still parses).
 */
@Path("v1/use-cases")
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Use cases")
public class UseCaseResource {

    static final String BODY_REQUIRED = "a JSON body is required";

    @Inject
    UseCaseCalls calls;

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

    @POST
    @Path("analyze_document_content")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Analyze a document against the organization's values (analyze_document_content)")
    public Response documentAnalysis(@NotNull(message = BODY_REQUIRED) DocumentAnalysisRequest request,
            @QueryParam("max_tokens") Integer maxTokens) {
        return calls.json(maxTokens, options -> documentAnalysis.analyze(request, options));
    }

    @POST
    @Path("analyze_document_content")
    @Produces(MediaType.SERVER_SENT_EVENTS + ";qs=0.5")
    @Operation(summary = "Analyze a document against the organization's values, streamed as server-sent events")
    public void documentAnalysisStream(@NotNull(message = BODY_REQUIRED) DocumentAnalysisRequest request,
            @QueryParam("max_tokens") Integer maxTokens, @Context SseEventSink sink, @Context Sse sse) {
        calls.stream(maxTokens, options -> documentAnalysis.analyze(request, options), sink, sse);
    }

    @POST
    @Path("provide_strategic_recommendations")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Strategic recommendations for a scenario (provide_strategic_recommendations)")
    public Response strategy(@NotNull(message = BODY_REQUIRED) StrategyRequest request,
            @QueryParam("max_tokens") Integer maxTokens) {
        return calls.json(maxTokens, options -> strategy.recommend(request, options));
    }

    @POST
    @Path("provide_strategic_recommendations")
    @Produces(MediaType.SERVER_SENT_EVENTS + ";qs=0.5")
    @Operation(summary = "Strategic recommendations for a scenario, streamed as server-sent events")
    public void strategyStream(@NotNull(message = BODY_REQUIRED) StrategyRequest request,
            @QueryParam("max_tokens") Integer maxTokens, @Context SseEventSink sink, @Context Sse sse) {
        calls.stream(maxTokens, options -> strategy.recommend(request, options), sink, sse);
    }

    @POST
    @Path("draft_internal_communication")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft an internal communication (draft_internal_communication)")
    public Response communication(@NotNull(message = BODY_REQUIRED) CommunicationRequest request,
            @QueryParam("max_tokens") Integer maxTokens) {
        return calls.json(maxTokens, options -> communication.draft(request, options));
    }

    @POST
    @Path("draft_internal_communication")
    @Produces(MediaType.SERVER_SENT_EVENTS + ";qs=0.5")
    @Operation(summary = "Draft an internal communication, streamed as server-sent events")
    public void communicationStream(@NotNull(message = BODY_REQUIRED) CommunicationRequest request,
            @QueryParam("max_tokens") Integer maxTokens, @Context SseEventSink sink, @Context Sse sse) {
        calls.stream(maxTokens, options -> communication.draft(request, options), sink, sse);
    }

    @POST
    @Path("analyze_competitive_landscape")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assess a competitor's move (analyze_competitive_landscape)")
    public Response competitor(@NotNull(message = BODY_REQUIRED) CompetitorAnalysisRequest request,
            @QueryParam("max_tokens") Integer maxTokens) {
        return calls.json(maxTokens, options -> competitor.analyze(request, options));
    }

    @POST
    @Path("analyze_competitive_landscape")
    @Produces(MediaType.SERVER_SENT_EVENTS + ";qs=0.5")
    @Operation(summary = "Assess a competitor's move, streamed as server-sent events")
    public void competitorStream(@NotNull(message = BODY_REQUIRED) CompetitorAnalysisRequest request,
            @QueryParam("max_tokens") Integer maxTokens, @Context SseEventSink sink, @Context Sse sse) {
        calls.stream(maxTokens, options -> competitor.analyze(request, options), sink, sse);
    }

    @POST
    @Path("answer_organizational_query")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a question from the knowledge base (answer_organizational_query)")
    public Response knowledge(@NotNull(message = BODY_REQUIRED) KnowledgeQuery request,
            @QueryParam("max_tokens") Integer maxTokens) {
        return calls.json(maxTokens, options -> knowledge.answer(request, options));
    }

    @POST
    @Path("answer_organizational_query")
    @Produces(MediaType.SERVER_SENT_EVENTS + ";qs=0.5")
    @Operation(summary = "Answer a question from the knowledge base, streamed as server-sent events")
    public void knowledgeStream(@NotNull(message = BODY_REQUIRED) KnowledgeQuery request,
            @QueryParam("max_tokens") Integer maxTokens, @Context SseEventSink sink, @Context Sse sse) {
        calls.stream(maxTokens, options -> knowledge.answer(request, options), sink, sse);
    }

    @POST
    @Path("draft_customer_response")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft a reply to a customer (draft_customer_response)")
    public Response customer(@NotNull(message = BODY_REQUIRED) CustomerCommunicationRequest request,
            @QueryParam("max_tokens") Integer maxTokens) {
        return calls.json(maxTokens, options -> customer.draft(request, options));
    }

    @POST
    @Path("draft_customer_response")
    @Produces(MediaType.SERVER_SENT_EVENTS + ";qs=0.5")
    @Operation(summary = "Draft a reply to a customer, streamed as server-sent events")
    public void customerStream(@NotNull(message = BODY_REQUIRED) CustomerCommunicationRequest request,
            @QueryParam("max_tokens") Integer maxTokens, @Context SseEventSink sink, @Context Sse sse) {
        calls.stream(maxTokens, options -> customer.draft(request, options), sink, sse);
    }

    @POST
    @Path("generate_document_summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Summarize a document (generate_document_summary)")
    public Response summary(@NotNull(message = BODY_REQUIRED) DocumentSummaryRequest request,
            @QueryParam("max_tokens") Integer maxTokens) {
        return calls.json(maxTokens, options -> summary.summarize(request, options));
    }

    @POST
    @Path("generate_document_summary")
    @Produces(MediaType.SERVER_SENT_EVENTS + ";qs=0.5")
    @Operation(summary = "Summarize a document, streamed as server-sent events")
    public void summaryStream(@NotNull(message = BODY_REQUIRED) DocumentSummaryRequest request,
            @QueryParam("max_tokens") Integer maxTokens, @Context SseEventSink sink, @Context Sse sse) {
        calls.stream(maxTokens, options -> summary.summarize(request, options), sink, sse);
    }
}
