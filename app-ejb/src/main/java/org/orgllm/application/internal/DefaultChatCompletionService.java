package org.orgllm.application.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.orgllm.application.CallerContext;
import org.orgllm.application.ChatCompletionCall;
import org.orgllm.application.ChatCompletionResult;
import org.orgllm.application.ChatCompletionService;
import org.orgllm.application.ServedModel;
import org.orgllm.application.UnknownModelException;
import org.orgllm.application.generation.Completion;
import org.orgllm.application.generation.CompletionRequest;
import org.orgllm.application.generation.GenerationCancelledException;
import org.orgllm.application.generation.LanguageModel;
import org.orgllm.application.generation.SamplingOptions;
import org.orgllm.domain.model.generation.Channel;
import org.orgllm.domain.model.generation.Generation;
import org.orgllm.domain.model.generation.GenerationStatus;
import org.orgllm.domain.model.organization.InvalidOrganizationIdException;
import org.orgllm.domain.model.organization.Organization;
import org.orgllm.domain.model.organization.OrganizationId;
import org.orgllm.domain.model.organization.OrganizationRepository;
import org.orgllm.domain.model.user.Role;

/**
 * Runs OpenAI-style generations outside any transaction (the inference is long; the recorder commits
 * before and after it on its own), the same way {@link UseCaseRunner} runs the use cases: resolve and
 * check the organization, record the generation, run the model, record the outcome.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DeclareRoles({Role.USER_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME, "API"})
public class DefaultChatCompletionService implements ChatCompletionService {

    /** The budget of a call that names none: enough for an answer, small enough not to hog the engine. */
    static final int DEFAULT_MAX_TOKENS = 512;

    /** The largest budget a call may ask for (the same cap as the use-case endpoints). */
    static final int MAX_TOKENS_LIMIT = 8192;

    @Inject
    OrganizationRepository organizations;

    @Inject
    CallerContext caller;

    @Inject
    GenerationRecorder recorder;

    @Inject
    LanguageModel model;

    @Override
    public List<ServedModel> models() {
        List<Organization> reachable = reachable();
        List<ServedModel> models = new ArrayList<>();
        for (Organization o : reachable) {
            models.add(new ServedModel(ServedModel.ORGANIZATION_PREFIX + o.id().value(), o.id().value(), o.createdAt()));
        }
        String base = model.baseModelName();
        if (base != null && reachable.size() == 1) {
            models.add(new ServedModel(base, ServedModel.BASE_OWNER, Instant.EPOCH));
        }
        return models;
    }

    @Override
    public ChatCompletionResult complete(ChatCompletionCall call) {
        Target target = resolve(call.model());
        if (call.messages().isEmpty() == (call.prompt() == null)) {
            throw new IllegalArgumentException("give either messages or a prompt");
        }
        int maxTokens = call.maxTokens() != null ? call.maxTokens() : DEFAULT_MAX_TOKENS;
        if (maxTokens < 1 || maxTokens > MAX_TOKENS_LIMIT) {
            throw new IllegalArgumentException("max_tokens must be between 1 and " + MAX_TOKENS_LIMIT);
        }
        SamplingOptions sampling = call.sampling() != null ? call.sampling()
                : new SamplingOptions(null, null, null, null, null, null, null, null, List.of());
        String useCase = call.prompt() != null ? COMPLETION : CHAT;
        String prompt = call.prompt() != null ? call.prompt() : UseCaseRunner.json(call.messages());
        String requestJson = call.requestJson() != null ? call.requestJson()
                : UseCaseRunner.json(Map.of("model", call.model(), useCase.equals(CHAT) ? "messages" : "prompt", prompt));
        UUID id = recorder.start(target.organization(), useCase, Channel.OPENAI, caller.name(), null, requestJson,
                prompt, null, UseCaseRunner.json(sampling));
        if (call.onStarted() != null) {
            call.onStarted().accept(id);
        }

        Completion completion;
        try {
            completion = model.complete(new CompletionRequest(target.organization(),
                    call.prompt() != null ? null : call.messages(), call.prompt(), sampling, call.jsonSchema(),
                    maxTokens, call.onDelta(), call.cancellation(), null, target.plainBaseModel()));
        } catch (RuntimeException e) {
            recorder.fail(id, GenerationStatus.FAILED, e.getClass().getSimpleName(), e.getMessage(), null, null);
            throw e;
        }
        Generation.Measurements measurements = new Generation.Measurements(completion.baseModel(),
                completion.adapterVersion(), completion.finishReason(), completion.promptTokens(),
                completion.completionTokens(), completion.queueMs(), completion.timeToFirstTokenMs(),
                completion.totalMs());
        if ("cancelled".equals(completion.finishReason())) {
            recorder.fail(id, GenerationStatus.CANCELLED, "Cancelled", "the caller cancelled the generation",
                    completion.text(), measurements);
            throw new GenerationCancelledException("the generation was cancelled");
        }
        String parsed = call.jsonSchema() != null ? parsedJson(completion.text()) : null;
        recorder.succeed(id, completion.renderedPrompt(), completion.text(), parsed, measurements);
        return new ChatCompletionResult(id, call.model(), completion.text(), completion.finishReason(),
                completion.promptTokens(), completion.completionTokens(), completion.queueMs(),
                completion.timeToFirstTokenMs(), completion.totalMs());
    }

    /** Which organization a model name stands for, and whether it means the plain base model. */
    private record Target(OrganizationId organization, boolean plainBaseModel) {}

    private Target resolve(String name) {
        if (name.startsWith(ServedModel.ORGANIZATION_PREFIX)) {
            OrganizationId id;
            try {
                id = OrganizationId.of(name.substring(ServedModel.ORGANIZATION_PREFIX.length()));
            } catch (InvalidOrganizationIdException e) {
                throw new UnknownModelException(name);
            }
            return organizations.find(id)
                    .filter(o -> caller.canAccess(id))
                    .map(o -> new Target(o.id(), false))
                    .orElseThrow(() -> new UnknownModelException(name));
        }
        if (name.equals(model.baseModelName())) {
            // Every generation is recorded against an organization: the base model needs the caller's only one.
            List<Organization> reachable = reachable();
            if (reachable.size() == 1) {
                return new Target(reachable.getFirst().id(), true);
            }
        }
        throw new UnknownModelException(name);
    }

    private List<Organization> reachable() {
        return organizations.findAll().stream()
                .filter(o -> caller.canAccess(o.id()))
                .sorted(Comparator.comparing(o -> o.id().value()))
                .toList();
    }

    /** The output as stored JSON when it parses (it does under a schema, unless the budget cut it short). */
    private static String parsedJson(String text) {
        try {
            var node = UseCaseRunner.JSON.readTree(text);
            return node == null || node.isMissingNode() ? null : node.toString();
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
