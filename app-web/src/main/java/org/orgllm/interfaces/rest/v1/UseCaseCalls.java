package org.orgllm.interfaces.rest.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.function.Function;
import org.orgllm.application.usecases.UseCaseOptions;
import org.orgllm.application.usecases.UseCaseResult;
import org.orgllm.domain.model.generation.Channel;
import org.orgllm.interfaces.rest.JsonbProvider;
import org.orgllm.interfaces.rest.problem.ProblemMapper;

/**
 * How a use-case endpoint answers: a JSON body with the typed result (the generation's id and usage
 * in headers), or a stream of server-sent events — {@code delta} events with text as it is produced,
 * then one {@code result} event (or an {@code error} event with a problem body). A client that goes
 * away cancels the generation.
 */
@ApplicationScoped
public class UseCaseCalls {

    /** The largest token budget a caller may ask for. */
    static final int MAX_TOKENS_LIMIT = 8192;

    /** Runs the use case and answers with its result as JSON. */
    public <R> Response json(Integer maxTokens, Function<UseCaseOptions, UseCaseResult<R>> call) {
        UseCaseResult<R> result = call.apply(options(maxTokens));
        return Response.ok(result.result())
                .header("X-Generation-Id", result.generationId())
                .header("X-Prompt-Tokens", result.promptTokens())
                .header("X-Completion-Tokens", result.completionTokens())
                .header("X-Total-Ms", result.totalMs())
                .header("X-Finish-Reason", result.finishReason())
                .header("Location", "/api/v1/generations/" + result.generationId())
                .build();
    }

    /** Runs the use case streaming its text as server-sent events; ends with the result or an error. */
    public <R> void stream(Integer maxTokens, Function<UseCaseOptions, UseCaseResult<R>> call, SseEventSink sink,
            Sse sse) {
        UseCaseOptions base = options(maxTokens);
        try {
            UseCaseOptions options = base.streaming(
                    delta -> {
                        if (!sink.isClosed()) {
                            sink.send(event(sse, "delta", Map.of("text", delta)));
                        }
                    },
                    sink::isClosed);
            try {
                UseCaseResult<R> result = call.apply(options);
                if (!sink.isClosed()) {
                    sink.send(sse.newEventBuilder().name("result").id(result.generationId().toString())
                            .data(JsonbProvider.jsonb().toJson(result.result())).build());
                }
            } catch (RuntimeException e) {
                if (!sink.isClosed()) {
                    sink.send(event(sse, "error", ProblemMapper.problemFor(e)));
                }
            }
        } finally {
            try {
                sink.close();
            } catch (java.io.IOException e) {
                // the client is gone already
            }
        }
    }

    private static UseCaseOptions options(Integer maxTokens) {
        if (maxTokens != null && (maxTokens < 1 || maxTokens > MAX_TOKENS_LIMIT)) {
            throw new BadRequestException("max_tokens must be between 1 and " + MAX_TOKENS_LIMIT);
        }
        return UseCaseOptions.of(Channel.API).withMaxTokens(maxTokens);
    }

    private static OutboundSseEvent event(Sse sse, String name, Object data) {
        return sse.newEventBuilder().name(name).data(JsonbProvider.jsonb().toJson(data)).build();
    }
}
