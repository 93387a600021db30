package org.orgllm.application.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.orgllm.application.CallerContext;
import org.orgllm.application.GenerationQueryService.Page;
import org.orgllm.application.GenerationView;
import org.orgllm.application.ReviewService;
import org.orgllm.application.UnknownGenerationException;
import org.orgllm.application.usecases.UseCase;
import org.orgllm.domain.model.feedback.FeedbackRepository;
import org.orgllm.domain.model.feedback.PreferencePair;
import org.orgllm.domain.model.feedback.PreferencePair.Preferred;
import org.orgllm.domain.model.generation.Generation;
import org.orgllm.domain.model.generation.GenerationRepository;
import org.orgllm.domain.model.organization.OrganizationId;
import org.orgllm.domain.model.user.Role;

/** The review queue and pairwise choices, checked against the caller's organizations. */
@Stateless
@DeclareRoles({Role.USER_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME, "API"})
public class DefaultReviewService implements ReviewService {

    static final int MAX_PAGE_SIZE = 100;

    private static final List<String> COMMON = List.of(
            "Quality: is it correct, complete and useful as it stands?",
            "Alignment: does it follow the organization's values, goals and risk profile?",
            "Brand voice: would the organization sign it as written?");

    private static final Map<String, List<String>> BY_USE_CASE = Map.of(
            UseCase.ANALYZE_DOCUMENT.name(), List.of("Are the themes really in the document, and the scores plausible?"),
            UseCase.STRATEGY.name(), List.of("Are the recommendations actionable, with risks and stakeholders named?"),
            UseCase.COMMUNICATION.name(), List.of("Does it suit the audience and carry every key message?"),
            UseCase.COMPETITOR.name(), List.of("Does it separate facts from guesses and propose a response?"),
            UseCase.KNOWLEDGE.name(), List.of("Is the answer backed by the knowledge base, and does it say when it is not?"),
            UseCase.CUSTOMER.name(), List.of("Is it empathetic, accurate and free of promises the organization cannot keep?"),
            UseCase.SUMMARY.name(), List.of("Does it keep the key facts, within the word limit, without adding any?"));

    @Inject
    FeedbackRepository feedback;

    @Inject
    GenerationRepository generations;

    @Inject
    OrganizationAccess access;

    @Inject
    CallerContext caller;

    @Override
    public Page<GenerationView> queue(String organizationId, int page, int size) {
        DefaultFeedbackService.requireReviewer(caller);
        OrganizationId organization = access.require(organizationId);
        int safeSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int safePage = Math.max(0, page);
        var items = feedback.unreviewed(organization, safePage * safeSize, safeSize).stream()
                .map(GenerationView::of).toList();
        return new Page<>(items, safePage, safeSize, feedback.countUnreviewed(organization));
    }

    @Override
    public PreferenceView choose(UUID generationA, UUID generationB, Preferred preferred, String rationale) {
        DefaultFeedbackService.requireReviewer(caller);
        Generation a = reachable(generationA);
        Generation b = reachable(generationB);
        if (!a.organizationId().equals(b.organizationId()) || !a.useCase().equals(b.useCase())) {
            throw new IllegalArgumentException("both candidates must answer the same organization's use case");
        }
        PreferencePair pair = new PreferencePair(a.organizationId(), caller.name(), a.id(), b.id(), preferred,
                rationale == null || rationale.isBlank() ? null : rationale.strip());
        feedback.store(pair);
        Generation chosen = preferred == Preferred.B ? b : a;
        Generation rejected = preferred == Preferred.B ? a : b;
        return new PreferenceView(pair.id(), a.organizationId().value(), a.id(), b.id(), preferred.name(), a.prompt(),
                chosen.rawOutput(), rejected.rawOutput());
    }

    @Override
    public List<String> guidelines(String useCase) {
        return java.util.stream.Stream.concat(BY_USE_CASE.getOrDefault(useCase, List.of()).stream(), COMMON.stream())
                .toList();
    }

    private Generation reachable(UUID id) {
        return generations.find(id)
                .filter(g -> caller.canAccess(g.organizationId()))
                .orElseThrow(() -> new UnknownGenerationException(id.toString()));
    }
}
