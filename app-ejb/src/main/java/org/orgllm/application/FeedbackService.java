package org.orgllm.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.orgllm.domain.model.feedback.FeedbackSummary;

/**
 * Reviewers' feedback on generations (REVIEWER or ADMIN, on generations of organizations they may
 * reach). Rating again replaces the reviewer's earlier rating.
 */
public interface FeedbackService {

    /**
     * Stores the caller's rating of the generation, replacing their earlier one.
     *
     * @throws UnknownGenerationException when absent or not reachable by the caller
     * @throws AccessDeniedException when the caller is neither REVIEWER nor ADMIN
     */
    FeedbackView rate(@NotNull UUID generationId, @NotNull @Valid Rating rating);

    /** The caller's own rating of the generation, to edit. */
    Optional<FeedbackView> mine(@NotNull UUID generationId);

    /** Every reviewer's feedback on a generation the caller may read. */
    List<FeedbackView> forGeneration(@NotNull UUID generationId);

    /** Rating summaries of those generations, among the given ones the caller may read, that have feedback. */
    Map<UUID, FeedbackSummary> summaries(@NotNull List<UUID> generationIds);
}
