package org.orgllm.application.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;
import org.orgllm.application.AccessDeniedException;
import org.orgllm.application.CallerContext;
import org.orgllm.application.FeedbackService;
import org.orgllm.application.FeedbackView;
import org.orgllm.application.Rating;
import org.orgllm.application.UnknownGenerationException;
import org.orgllm.domain.model.feedback.FeedbackRepository;
import org.orgllm.domain.model.feedback.FeedbackSummary;
import org.orgllm.domain.model.generation.Generation;
import org.orgllm.domain.model.generation.GenerationRepository;
import org.orgllm.domain.model.user.Role;

/** Feedback in one transaction per call; the upsert keeps one row per generation and reviewer. */
@Stateless
@DeclareRoles({Role.USER_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME, "API"})
public class DefaultFeedbackService implements FeedbackService {

    @Inject
    FeedbackRepository feedback;

    @Inject
    GenerationRepository generations;

    @Inject
    CallerContext caller;

    @Inject
    RequestValidator validator;

    @Override
    public FeedbackView rate(UUID generationId, Rating rating) {
        requireReviewer(caller);
        validator.validate(rating);
        Generation generation = reachable(generationId);
        return FeedbackView.of(feedback.upsert(generation.id(), caller.name(), rating.quality(), rating.alignment(),
                rating.brandVoice(), rating.thumbsUp(), blankToNull(rating.rationale()),
                blankToNull(rating.correctedOutput())));
    }

    @Override
    public Optional<FeedbackView> mine(UUID generationId) {
        reachable(generationId);
        return feedback.find(generationId, caller.name()).map(FeedbackView::of);
    }

    @Override
    public List<FeedbackView> forGeneration(UUID generationId) {
        reachable(generationId);
        return feedback.forGeneration(generationId).stream().map(FeedbackView::of).toList();
    }

    @Override
    public Map<UUID, FeedbackSummary> summaries(List<UUID> generationIds) {
        // only generations the caller may read: ids from another organization get no summary
        List<UUID> readable = generationIds.stream()
                .filter(id -> generations.find(id).filter(g -> caller.canAccess(g.organizationId())).isPresent())
                .toList();
        return feedback.summaries(readable).stream()
                .collect(Collectors.toMap(FeedbackSummary::generationId, Function.identity()));
    }

    /** Throws unless the caller reviews (REVIEWER) or administers (ADMIN). */
    static void requireReviewer(CallerContext caller) {
        if (!caller.isAdmin() && !caller.hasRole(Role.REVIEWER_NAME)) {
            throw new AccessDeniedException("reviewing needs the REVIEWER role");
        }
    }

    private Generation reachable(UUID id) {
        return generations.find(id)
                .filter(g -> caller.canAccess(g.organizationId()))
                .orElseThrow(() -> new UnknownGenerationException(id.toString()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
