package org.orgllm.application.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.orgllm.application.CallerContext;
import org.orgllm.application.OrganizationProfile;
import org.orgllm.application.generation.ChatMessage;
import org.orgllm.application.generation.Completion;
import org.orgllm.application.generation.CompletionRequest;
import org.orgllm.application.generation.GenerationCancelledException;
import org.orgllm.application.generation.GenerationFailedException;
import org.orgllm.application.generation.GenerationInProgressException;
import org.orgllm.application.generation.LanguageModel;
import org.orgllm.application.generation.SamplingOptions;
import org.orgllm.application.prompts.KnowledgePrompt;
import org.orgllm.application.usecases.UseCase;
import org.orgllm.application.usecases.UseCaseLimits;
import org.orgllm.application.usecases.UseCaseOptions;
import org.orgllm.application.usecases.UseCaseRequest;
import org.orgllm.application.usecases.UseCaseResult;
import org.orgllm.domain.model.generation.Generation;
import org.orgllm.domain.model.generation.GenerationStatus;
import org.orgllm.domain.model.organization.Organization;
import org.orgllm.inference.structured.RecordSchemas;

/**
 * The path every use case takes: validate the request, check the organization, fill the request
 * from its profile, render the versioned prompt, record the generation, run the model held to the
 * response record's JSON schema, parse, and record the outcome. Runs outside any transaction: the
 * recorder commits before and after the (long) inference on its own.
 */
@ApplicationScoped
public class UseCaseRunner {

    /** snake_case, like the wire format; unknown fields are ignored. */
    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * A RUNNING record older than this belongs to an attempt that died with its process (generations
     * end by their deadline long before), so its key is taken over.
     */
    static final Duration RUNNING_IS_STALE_AFTER = Duration.ofMinutes(15);

    /** When a caller whose first attempt still runs should ask again. */
    static final Duration IN_PROGRESS_RETRY_AFTER = Duration.ofSeconds(5);

    @Inject
    RequestValidator validator;

    @Inject
    OrganizationAccess access;

    @Inject
    GenerationRecorder recorder;

    @Inject
    LanguageModel model;

    @Inject
    CallerContext caller;

    /** Runs a use case whose prompt is its own template. */
    public <Q extends UseCaseRequest<Q>, R extends Record> UseCaseResult<R> run(UseCase<Q, R> useCase, Q request,
            UseCaseOptions options) {
        return run(useCase, request, options, useCase.responseType(),
                (profile, filled) -> useCase.prompt().render(profile, filled), Function.identity());
    }

    /**
     * Runs a use case whose model output ({@code D}) is completed into the response ({@code R}) by the
     * caller, e.g. with references the service (not the model) knows.
     */
    public <Q extends UseCaseRequest<Q>, D extends Record, R extends Record> UseCaseResult<R> run(
            UseCase<Q, R> useCase, Q request, UseCaseOptions options, Class<D> modelOutput,
            java.util.function.BiFunction<OrganizationProfile, Q, List<ChatMessage>> prompt,
            Function<D, R> complete) {
        UseCaseLimits.check((Record) request);
        validator.validate(request);
        Organization organization = access.load(request.organizationId());
        Optional<UseCaseResult<R>> replay = replay(useCase, options);
        if (replay.isPresent()) {
            return replay.get();
        }
        OrganizationProfile profile = OrganizationProfile.of(organization);
        Q filled = request.withProfile(profile);
        List<ChatMessage> messages = prompt.apply(profile, filled);
        int maxTokens = options.maxTokens() != null ? options.maxTokens() : useCase.defaultMaxTokens();
        SamplingOptions sampling = options.sampling() != null ? options.sampling() : SamplingOptions.balanced();
        UUID id = recorder.start(organization.id(), useCase.name(), options.channel(), caller.name(),
                options.idempotencyKey(), json(filled), json(messages), templateVersion(useCase), json(sampling));

        Completion completion;
        try {
            completion = model.complete(new CompletionRequest(organization.id(), messages, null, sampling,
                    RecordSchemas.json(modelOutput), maxTokens, options.onDelta(), options.cancellation(), null));
        } catch (RuntimeException e) {
            recorder.fail(id, GenerationStatus.FAILED, e.getClass().getSimpleName(), e.getMessage(), null, null);
            throw e;
        }
        Generation.Measurements measurements = measurements(completion);
        if ("cancelled".equals(completion.finishReason())) {
            recorder.fail(id, GenerationStatus.CANCELLED, "Cancelled", "the caller cancelled the generation",
                    completion.text(), measurements);
            throw new GenerationCancelledException("the generation was cancelled");
        }
        R result;
        try {
            result = complete.apply(JSON.readValue(completion.text(), modelOutput));
        } catch (JsonProcessingException | RuntimeException e) {
            String why = "length".equals(completion.finishReason())
                    ? "the output ran out of tokens (" + maxTokens + ") before the JSON was complete"
                    : "the output is not a valid " + modelOutput.getSimpleName() + ": " + e.getMessage();
            recorder.fail(id, GenerationStatus.FAILED, "UnparseableOutput", why, completion.text(), measurements);
            throw new GenerationFailedException(why, e);
        }
        recorder.succeed(id, completion.renderedPrompt(), completion.text(), json(result), measurements);
        return new UseCaseResult<>(id, result, completion.finishReason(), completion.promptTokens(),
                completion.completionTokens(), completion.queueMs(), completion.timeToFirstTokenMs(),
                completion.totalMs(), false);
    }

    /** Records an answer the service produced without the model (e.g. nothing to ground it on). */
    public <Q extends UseCaseRequest<Q>, R extends Record> UseCaseResult<R> answerWithoutModel(UseCase<Q, R> useCase,
            Q request, UseCaseOptions options, R answer, String reason) {
        Organization organization = access.load(request.organizationId());
        Q filled = request.withProfile(OrganizationProfile.of(organization));
        UUID id = recorder.start(organization.id(), useCase.name(), options.channel(), caller.name(),
                options.idempotencyKey(), json(filled), null, templateVersion(useCase), null);
        String output = json(answer);
        recorder.succeed(id, null, output, output,
                new Generation.Measurements(model.baseModelName(), null, reason, 0, 0, 0L, 0L, 0L));
        return new UseCaseResult<>(id, answer, reason, 0, 0, 0, 0, 0, false);
    }

    /**
     * An idempotent retry of a call that already succeeded returns the stored result; one whose first
     * attempt still runs is told to come back ({@link GenerationInProgressException}); a failed,
     * cancelled or stale attempt gives its key up and the call runs anew.
     */
    private <R extends Record> Optional<UseCaseResult<R>> replay(UseCase<?, R> useCase, UseCaseOptions options) {
        if (options.idempotencyKey() == null) {
            return Optional.empty();
        }
        Optional<Generation> previous = recorder.findByIdempotencyKey(options.idempotencyKey());
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        Generation g = previous.get();
        if (g.status() == GenerationStatus.RUNNING && g.useCase().equals(useCase.name())
                && g.createdAt().isAfter(Instant.now().minus(RUNNING_IS_STALE_AFTER))) {
            throw new GenerationInProgressException(options.idempotencyKey(), g.id(), IN_PROGRESS_RETRY_AFTER);
        }
        if (g.status() != GenerationStatus.SUCCEEDED || !g.useCase().equals(useCase.name())) {
            recorder.releaseKey(g.id());
            return Optional.empty();
        }
        try {
            R result = JSON.readValue(g.parsedOutputJson(), useCase.responseType());
            return Optional.of(new UseCaseResult<>(g.id(), result, g.finishReason(), nz(g.promptTokens()),
                    nz(g.completionTokens()), nz(g.queueMs()), nz(g.timeToFirstTokenMs()), nz(g.totalMs()), true));
        } catch (JsonProcessingException e) {
            recorder.releaseKey(g.id());
            return Optional.empty();
        }
    }

    private String templateVersion(UseCase<?, ?> useCase) {
        return useCase.prompt() != null ? useCase.prompt().version() : KnowledgePrompt.VERSION;
    }

    private Generation.Measurements measurements(Completion c) {
        return new Generation.Measurements(c.baseModel(), c.adapterVersion(), c.finishReason(), c.promptTokens(),
                c.completionTokens(), c.queueMs(), c.timeToFirstTokenMs(), c.totalMs());
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static int nz(Integer v) {
        return v == null ? 0 : v;
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }
}
