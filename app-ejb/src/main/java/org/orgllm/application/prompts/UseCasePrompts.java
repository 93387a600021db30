package org.orgllm.application.prompts;

import static org.orgllm.application.prompts.Prompts.bullets;
import static org.orgllm.application.prompts.Prompts.orNone;
import static org.orgllm.application.prompts.Prompts.system;

import java.util.List;
import org.orgllm.application.OrganizationProfile;
import org.orgllm.application.generation.ChatMessage;
import org.orgllm.application.usecases.CommunicationRequest;
import org.orgllm.application.usecases.CompetitorAnalysisRequest;
import org.orgllm.application.usecases.CustomerCommunicationRequest;
import org.orgllm.application.usecases.DocumentAnalysisRequest;
import org.orgllm.application.usecases.DocumentSummaryRequest;
import org.orgllm.application.usecases.StrategyRequest;

/** The prompt templates of the use cases (version 1 of each). */
public final class UseCasePrompts {

    private UseCasePrompts() {}

    public static final PromptTemplate<DocumentAnalysisRequest> DOCUMENT_ANALYSIS = template(
            "analyze_document_content/v1", (org, r) -> List.of(
                    system(org, "a document analyst"),
                    ChatMessage.user("""
                            Analyze this document for %s. Summarize it, list its key insights, score from 0 to 1 \
                            how well it aligns with these organizational values, and recommend strategic next steps.

                            Values:
                            %s

                            Document:
                            %s""".formatted(r.organizationName(), bullets(r.organizationalValues()), r.content()))));

    public static final PromptTemplate<StrategyRequest> STRATEGY = template(
            "provide_strategic_recommendations/v1", (org, r) -> List.of(
                    system(org, "a strategic advisor"),
                    ChatMessage.user("""
                            Recommend a strategy for %s.

                            Scenario: %s
                            Context: %s
                            Stakeholders:
                            %s
                            Values:
                            %s
                            Strategic goals:
                            %s
                            Risk profile: %s

                            Give a primary recommendation, alternative options, a risk assessment, success metrics \
                            and a timeline.""".formatted(r.organizationName(), r.scenario(), orNone(r.context()),
                            bullets(r.stakeholders()), bullets(r.organizationalValues()), bullets(r.strategicGoals()),
                            orNone(r.riskProfile())))));

    public static final PromptTemplate<CommunicationRequest> COMMUNICATION = template(
            "draft_internal_communication/v1", (org, r) -> List.of(
                    system(org, "an internal communications writer"),
                    ChatMessage.user("""
                            Draft a %s for %s.

                            Audience: %s
                            Topic: %s
                            Key messages:
                            %s
                            Style: %s

                            Give a subject, the content, an analysis of its tone, a brand consistency score from 0 to 1 \
                            and suggested improvements.""".formatted(r.communicationType(), r.organizationName(),
                            r.targetAudience(), r.topic(), bullets(r.keyMessages()), orNone(r.communicationStyle())))));

    public static final PromptTemplate<CompetitorAnalysisRequest> COMPETITOR = template(
            "analyze_competitive_landscape/v1", (org, r) -> List.of(
                    system(org, "a competitive intelligence analyst"),
                    ChatMessage.user("""
                            Assess this competitor action for %s.

                            Competitor action: %s
                            Market data: %s
                            Our current position: %s
                            Our strengths:
                            %s

                            Give a threat assessment, strategic implications, response options, recommended actions and \
                            monitoring priorities.""".formatted(r.organizationName(), r.competitorAction(),
                            orNone(r.marketData()), orNone(r.currentPosition()), bullets(r.organizationalStrengths())))));

    public static final PromptTemplate<CustomerCommunicationRequest> CUSTOMER = template(
            "draft_customer_response/v1", (org, r) -> List.of(
                    system(org, "a customer communications specialist"),
                    ChatMessage.user("""
                            Draft a reply from %s to this customer message.

                            Customer message: %s
                            Communication type: %s
                            Customer segment: %s
                            Issue category: %s
                            Values:
                            %s

                            Give the draft response, an analysis of its tone, a brand compliance score from 0 to 1, \
                            whether escalation is needed, and suggested actions.""".formatted(r.organizationName(),
                            r.customerMessage(), orNone(r.communicationType()), orNone(r.customerSegment()),
                            orNone(r.issueCategory()), bullets(r.organizationalValues())))));

    public static final PromptTemplate<DocumentSummaryRequest> SUMMARY = template(
            "generate_document_summary/v1", (org, r) -> List.of(
                    system(org, "a concise summarizer"),
                    ChatMessage.user("Summarize this document in at most %d words.\n\nDocument:\n%s"
                            .formatted(r.maxWords() == null ? 200 : r.maxWords(), r.content()))));

    private static <Q> PromptTemplate<Q> template(String version, java.util.function.BiFunction<OrganizationProfile, Q, List<ChatMessage>> render) {
        return new PromptTemplate<>() {
            @Override
            public String version() {
                return version;
            }

            @Override
            public List<ChatMessage> render(OrganizationProfile organization, Q request) {
                return render.apply(organization, request);
            }
        };
    }
}
