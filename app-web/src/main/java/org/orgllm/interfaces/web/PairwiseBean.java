package org.orgllm.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.orgllm.application.GenerationQueryService;
import org.orgllm.application.GenerationView;
import org.orgllm.application.OrganizationProfile;
import org.orgllm.application.ReviewService;
import org.orgllm.application.UseCaseException;
import org.orgllm.application.generation.SamplingOptions;
import org.orgllm.application.usecases.UseCase;
import org.orgllm.application.usecases.UseCaseOptions;
import org.orgllm.application.usecases.UseCaseRequest;
import org.orgllm.application.usecases.UseCaseResult;
import org.orgllm.domain.model.feedback.PreferencePair.Preferred;
import org.orgllm.domain.model.generation.Channel;

/**
 * Pairwise review: the same request answered twice with other seeds and temperatures, side by side;
 * the reviewer picks A, B or a tie and says why, which stores a preference pair.
 */
@Named
@ViewScoped
public class PairwiseBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Two temperatures far enough apart that the candidates differ in more than the seed. */
    static final double TEMPERATURE_A = 0.7;
    static final double TEMPERATURE_B = 1.0;

    private static final SecureRandom SEEDS = new SecureRandom();

    @Inject
    OrganizationSwitcher switcher;

    @Inject
    UseCaseForms forms;

    @Inject
    ReviewService reviews;

    @Inject
    GenerationQueryService generations;

    @Inject
    PortalSettings settings;

    private String useCase = UseCase.SUMMARY.name();
    private Map<String, String> values = new HashMap<>();
    private Integer maxTokens;
    private GenerationView candidateA;
    private GenerationView candidateB;
    private String preferred;
    private String rationale;
    private boolean recorded;

    @PostConstruct
    void init() {
        maxTokens = settings.defaultMaxTokens();
        prefill();
    }

    public void useCaseChanged() {
        prefill();
        candidateA = null;
        candidateB = null;
    }

    private void prefill() {
        OrganizationProfile profile = switcher.getProfile();
        values = profile == null ? new HashMap<>() : new HashMap<>(UseCaseForms.prefilled(useCase, profile));
    }

    /** Runs the request twice, one after the other, with different seeds and temperatures. */
    public void generatePair() {
        candidateA = null;
        candidateB = null;
        recorded = false;
        preferred = null;
        rationale = null;
        String organization = switcher.getCurrent();
        if (organization == null || maxTokens == null || maxTokens < 1 || maxTokens > WorkspaceBean.MAX_TOKENS_LIMIT) {
            Messages.error("Cannot generate", "Choose an organization and a token budget between 1 and "
                    + WorkspaceBean.MAX_TOKENS_LIMIT + ".");
            return;
        }
        UseCaseRequest<?> request;
        try {
            request = UseCaseForms.build(useCase, organization, values);
        } catch (NumberFormatException e) {
            Messages.error("Not a number", "Number fields take whole numbers.");
            return;
        }
        Set<ConstraintViolation<Object>> violations = forms.validate(request);
        if (!violations.isEmpty()) {
            violations.forEach(v -> Messages.error(v.getPropertyPath().toString(), v.getMessage()));
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            candidateA = run(request, TEMPERATURE_A);
            candidateB = run(request, TEMPERATURE_B);
        } catch (UseCaseException e) {
            Messages.error("Generation failed", e.getMessage());
        }
    }

    private GenerationView run(UseCaseRequest<?> request, double temperature) {
        UseCaseOptions options = UseCaseOptions.of(Channel.PORTAL).withMaxTokens(maxTokens)
                .withSampling(SamplingOptions.balanced().withTemperature(temperature).withSeed(SEEDS.nextLong()));
        UseCaseResult<?> result = forms.run(request, options);
        return generations.get(result.generationId());
    }

    /** Stores the reviewer's choice as a preference pair. */
    public void choose() {
        if (candidateA == null || candidateB == null || preferred == null) {
            Messages.error("Choose", "Pick A, B or a tie first.");
            return;
        }
        try {
            var pair = reviews.choose(candidateA.id(), candidateB.id(), Preferred.valueOf(preferred), rationale);
            recorded = true;
            Messages.info("Preference stored", "Pair #" + pair.id() + " will train the next adapter.");
        } catch (UseCaseException | IllegalArgumentException e) {
            Messages.error("Not stored", e.getMessage());
        }
    }

    public List<UseCase<?, ?>> getUseCases() {
        return UseCase.ALL;
    }

    public String title(String name) {
        return UseCaseForms.title(name);
    }

    public List<FormField> getFields() {
        return UseCaseForms.fields(useCase);
    }

    public List<String> getGuidelines() {
        return reviews.guidelines(useCase);
    }

    public List<ResultSection> sections(GenerationView g) {
        return g == null ? List.of() : ResultSection.of(g.parsedOutput());
    }

    public String getUseCase() {
        return useCase;
    }

    public void setUseCase(String useCase) {
        this.useCase = useCase;
    }

    public Map<String, String> getValues() {
        return values;
    }

    public Integer getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(Integer maxTokens) {
        this.maxTokens = maxTokens;
    }

    public GenerationView getCandidateA() {
        return candidateA;
    }

    public GenerationView getCandidateB() {
        return candidateB;
    }

    public String getPreferred() {
        return preferred;
    }

    public void setPreferred(String preferred) {
        this.preferred = preferred;
    }

    public String getRationale() {
        return rationale;
    }

    public void setRationale(String rationale) {
        this.rationale = rationale;
    }

    public boolean isRecorded() {
        return recorded;
    }
}
