package org.orgllm.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.orgllm.application.GenerationQueryService;
import org.orgllm.application.GenerationView;
import org.orgllm.application.OrganizationProfile;
import org.orgllm.application.UseCaseException;
import org.orgllm.application.generation.SamplingOptions;
import org.orgllm.application.usecases.UseCase;
import org.orgllm.application.usecases.UseCaseOptions;
import org.orgllm.application.usecases.UseCaseRequest;
import org.orgllm.domain.model.generation.Channel;
import org.orgllm.interfaces.web.stream.PortalStream;
import org.orgllm.interfaces.web.stream.PortalStreams;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The workspace: one form per use case, pre-filled from the current organization's profile.
 * Generate validates and opens a stream that the page reads over server-sent events; when the result
 * arrives the page asks for it and it is shown as sections, to copy or download.
 */
@Named
@ViewScoped
public class WorkspaceBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The portal's ceiling on a token budget; the REST API has the same one. */
    static final int MAX_TOKENS_LIMIT = 8192;

    @Inject
    OrganizationSwitcher switcher;

    @Inject
    UseCaseForms forms;

    @Inject
    PortalStreams streams;

    @Inject
    GenerationQueryService generations;

    @Inject
    PortalSettings settings;

    private String useCase = UseCase.ANALYZE_DOCUMENT.name();
    private Map<String, String> values = new HashMap<>();
    private Integer maxTokens;
    private Double temperature;
    private Long seed;
    private String streamId;
    private GenerationView generation;
    private List<ResultSection> sections = List.of();

    @PostConstruct
    void init() {
        maxTokens = settings.defaultMaxTokens();
        String requested = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("use_case");
        if (requested != null && UseCase.ALL.stream().anyMatch(u -> u.name().equals(requested))) {
            useCase = requested;
        }
        prefill();
    }

    /** Called when another use case is picked: a fresh form from the profile. */
    public void useCaseChanged() {
        prefill();
        clearResult();
    }

    private void prefill() {
        OrganizationProfile profile = switcher.getProfile();
        values = profile == null ? new HashMap<>() : new HashMap<>(UseCaseForms.prefilled(useCase, profile));
    }

    /** Validates the form and opens a stream; the page starts reading it when {@link #getStreamId()} is set. */
    public void generate() {
        clearResult();
        String organization = switcher.getCurrent();
        if (organization == null) {
            Messages.error("No organization", "You are not a member of any organization yet.");
            return;
        }
        if (maxTokens == null || maxTokens < 1 || maxTokens > MAX_TOKENS_LIMIT) {
            Messages.error("Token budget", "must be between 1 and " + MAX_TOKENS_LIMIT);
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
            for (ConstraintViolation<?> v : violations) {
                Messages.error(label(v.getPropertyPath().toString()), v.getMessage());
            }
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        UseCaseOptions options = UseCaseOptions.of(Channel.PORTAL).withMaxTokens(maxTokens);
        if (temperature != null || seed != null) {
            SamplingOptions sampling = SamplingOptions.balanced();
            if (temperature != null) {
                sampling = sampling.withTemperature(temperature);
            }
            options = options.withSampling(sampling.withSeed(seed));
        }
        PortalStream stream = streams.open(Messages.caller(), o -> forms.run(request, o), options);
        streamId = stream.id();
    }

    /** Flips the stream's cancellation; the engine stops at the next token. */
    public void cancel() {
        streams.find(streamId, Messages.caller()).ifPresent(PortalStream::cancel);
        Messages.info("Cancelled", "The generation was stopped.");
    }

    /** Loads the finished generation named by the request parameter {@code generation_id}. */
    public void showResult() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("generation_id");
        try {
            generation = generations.get(UUID.fromString(id));
            sections = ResultSection.of(generation.parsedOutput());
        } catch (IllegalArgumentException | UseCaseException e) {
            Messages.error("Result not found", "The generation could not be loaded.");
        }
    }

    public StreamedContent getMarkdown() {
        return download(getMarkdownText(), "text/markdown", ".md");
    }

    public StreamedContent getJson() {
        return download(generation == null ? "{}" : generation.parsedOutput(), "application/json", ".json");
    }

    /** The result as Markdown, for the clipboard. */
    public String getMarkdownText() {
        return generation == null ? "" : ResultSection.markdown(UseCaseForms.title(useCase), sections);
    }

    private StreamedContent download(String text, String type, String extension) {
        byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        String name = useCase + "-" + (generation == null ? "result" : generation.id()) + extension;
        return DefaultStreamedContent.builder().name(name).contentType(type + ";charset=UTF-8")
                .contentLength((long) bytes.length).stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    private void clearResult() {
        streamId = null;
        generation = null;
        sections = List.of();
    }

    private String label(String property) {
        return UseCaseForms.fields(useCase).stream().filter(f -> f.name().equals(property)).map(FormField::label)
                .findFirst().orElse(property);
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

    public Double getTemperature() {
        return temperature;
    }

    public void setTemperature(Double temperature) {
        this.temperature = temperature;
    }

    public Long getSeed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public String getStreamId() {
        return streamId;
    }

    public GenerationView getGeneration() {
        return generation;
    }

    public List<ResultSection> getSections() {
        return sections;
    }
}
