package org.orgllm.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import jakarta.validation.ConstraintViolationException;
import org.orgllm.application.FeedbackService;
import org.orgllm.application.FeedbackView;
import org.orgllm.application.GenerationQueryService;
import org.orgllm.application.Rating;
import org.orgllm.application.UseCaseException;
import org.orgllm.application.GenerationView;
import org.orgllm.application.UnknownGenerationException;

/**
 * One generation in detail: request, prompt, output, timings. A generation of an organization the
 * person may not reach is "not found", exactly like one that does not exist.
 */
@Named
@ViewScoped
public class GenerationBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    GenerationQueryService generations;

    @Inject
    FeedbackService feedbackService;

    private String id;
    private GenerationView generation;
    private List<ResultSection> sections = List.of();
    private List<FeedbackView> feedback = List.of();
    private Integer quality;
    private Integer alignment;
    private Integer brandVoice;
    private String thumbs;
    private String rationale;
    private String correctedOutput;

    /** Loads the generation named by the {@code id} view parameter. */
    public void load() {
        if (generation != null) {
            return;
        }
        try {
            generation = generations.get(UUID.fromString(id == null ? "" : id.strip()));
            sections = ResultSection.of(generation.parsedOutput());
            feedback = feedbackService.forGeneration(generation.id());
            if (isReviewer()) {
                feedbackService.mine(generation.id()).ifPresent(this::edit);
            }
        } catch (IllegalArgumentException | UnknownGenerationException e) {
            generation = null;
        }
    }

    /** Stores the reviewer's rating (again: it replaces their earlier one). */
    public void rate() {
        try {
            Boolean up = thumbs == null || thumbs.isBlank() ? null : Boolean.valueOf("up".equals(thumbs));
            FeedbackView saved = feedbackService.rate(generation.id(),
                    new Rating(quality, alignment, brandVoice, up, rationale, correctedOutput));
            edit(saved);
            feedback = feedbackService.forGeneration(generation.id());
            Messages.info("Feedback saved", "Thank you — your rating is stored.");
        } catch (ConstraintViolationException e) {
            e.getConstraintViolations().forEach(v -> Messages.error(v.getPropertyPath().toString(), v.getMessage()));
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
        } catch (UseCaseException e) {
            Messages.error("Not saved", e.getMessage());
        }
    }

    private void edit(FeedbackView f) {
        quality = f.quality();
        alignment = f.alignment();
        brandVoice = f.brandVoice();
        thumbs = f.thumbsUp() == null ? null : f.thumbsUp() ? "up" : "down";
        rationale = f.rationale();
        correctedOutput = f.correctedOutput();
    }

    public boolean isReviewer() {
        var external = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole("REVIEWER") || external.isUserInRole("ADMIN");
    }

    public List<FeedbackView> getFeedback() {
        return feedback;
    }

    public Integer getQuality() {
        return quality;
    }

    public void setQuality(Integer quality) {
        this.quality = quality;
    }

    public Integer getAlignment() {
        return alignment;
    }

    public void setAlignment(Integer alignment) {
        this.alignment = alignment;
    }

    public Integer getBrandVoice() {
        return brandVoice;
    }

    public void setBrandVoice(Integer brandVoice) {
        this.brandVoice = brandVoice;
    }

    public String getThumbs() {
        return thumbs;
    }

    public void setThumbs(String thumbs) {
        this.thumbs = thumbs;
    }

    public String getRationale() {
        return rationale;
    }

    public void setRationale(String rationale) {
        this.rationale = rationale;
    }

    public String getCorrectedOutput() {
        return correctedOutput;
    }

    public void setCorrectedOutput(String correctedOutput) {
        this.correctedOutput = correctedOutput;
    }

    public String title(String useCase) {
        return UseCaseForms.title(useCase);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public GenerationView getGeneration() {
        return generation;
    }

    public boolean isFound() {
        return generation != null;
    }

    public List<ResultSection> getSections() {
        return sections;
    }
}
