package org.orgllm.infrastructure.inference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.orgllm.application.generation.ChatMessage;
import org.orgllm.application.generation.Completion;
import org.orgllm.application.generation.CompletionRequest;
import org.orgllm.application.generation.GenerationFailedException;
import org.orgllm.application.generation.LanguageModel;
import org.orgllm.application.generation.ModelUnavailableException;
import org.orgllm.application.generation.OverloadedException;
import org.orgllm.application.generation.PromptTooLargeException;
import org.orgllm.application.generation.SamplingOptions;
import org.orgllm.inference.config.GenerationConfig;
import org.orgllm.inference.engine.ContextLengthExceededException;
import org.orgllm.inference.engine.DeadlineExceededException;
import org.orgllm.inference.engine.EngineClosedException;
import org.orgllm.inference.engine.GenerationHandle;
import org.orgllm.inference.engine.GenerationRequest;
import org.orgllm.inference.engine.GenerationResult;
import org.orgllm.inference.engine.InferenceEngine;
import org.orgllm.inference.registry.AdapterLoadException;
import org.orgllm.inference.registry.NoAdapterException;
import org.orgllm.inference.sampling.SamplingParams;
import org.orgllm.inference.structured.JsonSchemaConstraint;
import org.orgllm.inference.structured.TokenVocabulary;
import org.orgllm.inference.template.ChatTemplate;

/**
 * The only door to the engine. Maps an organization to its adapter (the plain base model when it
 * has none yet), renders chat messages with the model's own chat template, holds the output to a
 * JSON schema when asked, streams deltas, honours cancellation, and turns engine errors into the
 * application's typed exceptions.
 */
@ApplicationScoped
public class LlmGateway implements LanguageModel {

    private static final Logger LOG = Logger.getLogger(LlmGateway.class.getName());

    /** How often a waiting caller checks whether it was cancelled. */
    private static final long POLL_MS = 100;

    @Inject
    InferenceRuntime runtime;

    /** Compiled schemas per base model; a use case's schema is compiled once. */
    private final Map<String, JsonSchemaConstraint> constraints = new ConcurrentHashMap<>();
    private volatile ChatTemplate chatTemplate;
    private volatile TokenVocabulary vocabulary;

    @Override
    public String baseModelName() {
        return runtime.status().model();
    }

    @Override
    public Completion complete(CompletionRequest request) {
        InferenceEngine engine = runtime.engine()
                .orElseThrow(() -> new ModelUnavailableException("the model is not available: " + runtime.status().detail()));
        String prompt = request.prompt() != null ? request.prompt() : render(request.messages());
        int[] ids = engine.tokenizer().encode(prompt, false);
        SamplingParams sampling = sampling(request.sampling(), request.maxTokens(), engine.model().generationConfig());
        GenerationRequest.Builder builder = GenerationRequest.builder()
                .promptIds(ids)
                .sampling(sampling)
                .deadline(request.deadline())
                .listener(request.onDelta());
        if (request.jsonSchema() != null) {
            JsonSchemaConstraint constraint = constraint(request.jsonSchema(), engine);
            builder.constraint(() -> new JsonConstraintAdapter(constraint.start(), sampling.maxNewTokens()));
        }
        GenerationHandle handle = submit(engine, builder,
                request.plainBaseModel() ? null : request.organization().value());
        GenerationResult result = await(handle, request.cancellation());
        return new Completion(result.text(), result.finishReason().name().toLowerCase(java.util.Locale.ROOT),
                result.usage().promptTokens(), result.usage().completionTokens(), ms(result.timings().queue()),
                ms(result.timings().timeToFirstToken()), ms(result.timings().total()), baseModelName(),
                result.adapterLabel(), prompt);
    }

    /**
     * Submits for the organization's adapter, or for the plain base model when it has none or when
     * {@code organization} is {@code null} (the caller asked for the base model itself).
     */
    private GenerationHandle submit(InferenceEngine engine, GenerationRequest.Builder builder, String organization) {
        try {
            try {
                return engine.submit(builder.organization(organization).build());
            } catch (NoAdapterException e) {
                return engine.submit(builder.organization(null).build());
            }
        } catch (org.orgllm.inference.engine.OverloadedException e) {
            throw new OverloadedException(e.getMessage(), e.retryAfter());
        } catch (ContextLengthExceededException e) {
            throw new PromptTooLargeException(e.getMessage());
        } catch (EngineClosedException e) {
            throw new ModelUnavailableException("the engine is shutting down");
        }
    }

    private static GenerationResult await(GenerationHandle handle, CompletionRequest.Cancellation cancellation) {
        try {
            while (true) {
                try {
                    return handle.result().get(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (cancellation.isCancelled()) {
                        handle.cancel();
                    }
                }
            }
        } catch (InterruptedException e) {
            handle.cancel();
            Thread.currentThread().interrupt();
            throw new GenerationFailedException("interrupted while generating", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AdapterLoadException a) {
                throw new ModelUnavailableException("the organization's adapter cannot be loaded: " + a.getMessage());
            }
            if (cause instanceof DeadlineExceededException) {
                throw new GenerationFailedException("the generation did not finish before its deadline", cause);
            }
            throw new GenerationFailedException("the generation failed: " + cause.getMessage(), cause);
        }
    }

    private String render(List<ChatMessage> messages) {
        List<Map<String, Object>> turns = messages.stream()
                .map(m -> Map.<String, Object>of("role", m.role(), "content", m.content()))
                .toList();
        Map<String, Object> extra = new HashMap<>();
        // Qwen3's template: answer directly, without a reasoning block (other templates ignore it).
        extra.put("enable_thinking", false);
        return chatTemplate().render(turns, true, extra);
    }

    private ChatTemplate chatTemplate() {
        ChatTemplate t = chatTemplate;
        if (t == null) {
            Path dir = runtime.baseModelDir().orElseThrow(() -> new ModelUnavailableException("no model loaded"));
            t = ChatTemplate.fromTokenizerConfig(dir.resolve("tokenizer_config.json"));
            chatTemplate = t;
        }
        return t;
    }

    private JsonSchemaConstraint constraint(String schema, InferenceEngine engine) {
        return constraints.computeIfAbsent(schema, s -> {
            int[] eos = engine.model().generationConfig().eosTokenIds().stream().mapToInt(Integer::intValue).toArray();
            return JsonSchemaConstraint.compile(s, vocabulary(), eos);
        });
    }

    private TokenVocabulary vocabulary() {
        TokenVocabulary v = vocabulary;
        if (v == null) {
            Path dir = runtime.baseModelDir().orElseThrow(() -> new ModelUnavailableException("no model loaded"));
            try {
                long t0 = System.nanoTime();
                v = TokenVocabulary.fromTokenizerJson(dir.resolve("tokenizer.json"));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                LOG.info(() -> "token vocabulary for constrained decoding read in " + ms + " ms");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            vocabulary = v;
        }
        return v;
    }

    /** The request's sampling over the model's generation_config defaults. */
    static SamplingParams sampling(SamplingOptions o, int maxTokens, GenerationConfig defaults) {
        SamplingParams.Builder b = SamplingParams.builder().maxNewTokens(maxTokens);
        double temperature = o.temperature() != null ? o.temperature()
                : defaults.doSample() ? defaults.temperature() : 0.0;
        b.temperature(temperature);
        if (o.topP() != null) {
            b.topP(o.topP());
        } else if (defaults.doSample()) {
            b.topP(defaults.topP());
        }
        if (o.topK() != null) {
            b.topK(o.topK());
        }
        if (o.minP() != null) {
            b.minP(o.minP());
        }
        if (o.repetitionPenalty() != null) {
            b.repetitionPenalty(o.repetitionPenalty());
        }
        if (o.frequencyPenalty() != null) {
            b.frequencyPenalty(o.frequencyPenalty());
        }
        if (o.presencePenalty() != null) {
            b.presencePenalty(o.presencePenalty());
        }
        if (o.seed() != null) {
            b.seed(o.seed());
        }
        if (!o.stop().isEmpty()) {
            b.stopStrings(o.stop());
        }
        return b.build();
    }

    private static long ms(Duration d) {
        return d == null ? 0 : d.toMillis();
    }
}
