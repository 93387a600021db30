package org.orgllm.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.orgllm.application.GenerationQueryService.Page;
import org.orgllm.domain.model.feedback.PreferencePair.Preferred;

/**
 * The reviewers' work (REVIEWER or ADMIN): the queue of generations nobody has rated yet, and the
 * pairwise choice between two answers to one request, which becomes a DPO training pair.
 */
public interface ReviewService {

    /** The organization's successful generations without feedback, oldest first. */
    Page<GenerationView> queue(@NotNull String organizationId, int page, int size);

    /**
     * Records which of two generations of the same organization and use case the caller prefers.
     *
     * @throws UnknownGenerationException when either is absent or not reachable by the caller
     * @throws IllegalArgumentException when the two are the same, or of different organizations or use cases
     */
    PreferenceView choose(@NotNull UUID generationA, @NotNull UUID generationB, @NotNull Preferred preferred,
            @Size(max = 8000) String rationale);

    /** Short reviewing guidelines for a use case. */
    List<String> guidelines(@NotNull String useCase);

    /** A stored preference: the prompt, and the chosen and rejected outputs (both outputs for a tie). */
    record PreferenceView(long id, String organizationId, UUID generationA, UUID generationB, String preferred,
                          String prompt, String chosen, String rejected) {}
}
