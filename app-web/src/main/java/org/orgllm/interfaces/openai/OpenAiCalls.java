package org.orgllm.interfaces.openai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.orgllm.application.ChatCompletionResult;
import org.orgllm.application.ChatCompletionService;

/**
 * How the completion endpoints answer: check and convert the body, run the call through
 * {@link ChatCompletionService}, and answer in one piece or as server-sent events. Failures before the
 * first event are plain HTTP errors (mapped by {@link OpenAiExceptionMapper}); a failure after it is
 * the stream's last event, as OpenAI does.
 */
@ApplicationScoped
public class OpenAiCalls {

    @Inject
    ChatCompletionService service;

    /** Answers {@code body} on {@code response}; never throws (failures resume the response). */
    public void answer(JsonObject body, Function<JsonObject, OpenAiRequests.Parsed> parse, AnswerFormat format,
            AsyncResponse response) {
        try {
            if (body == null) {
                throw new InvalidParameterException(null, "A JSON request body is required.");
            }
            OpenAiRequests.Parsed request = parse.apply(body);
            long created = Instant.now().getEpochSecond();
            if (request.stream()) {
                stream(request, format, created, response);
            } else {
                ChatCompletionResult result = service.complete(request.call());
                response.resume(Response.ok(format.whole(format.id(result.generationId()), created, result))
                        .header("X-Generation-Id", result.generationId())
                        .build());
            }
        } catch (RuntimeException e) {
            response.resume(e);
        }
    }

    private void stream(OpenAiRequests.Parsed request, AnswerFormat format, long created, AsyncResponse response) {
        EventStream events = new EventStream(response);
        String model = request.call().model();
        AtomicReference<String> id = new AtomicReference<>();
        var call = request.call().streaming(
                generation -> {
                    id.set(format.id(generation));
                    events.header("X-Generation-Id", generation);
                },
                delta -> {
                    // deltas arrive one after the other on the engine's thread: the first opens the stream
                    if (!events.started()) {
                        format.opening(id.get(), created, model).forEach(events::send);
                    }
                    events.send(format.delta(id.get(), created, model, delta));
                },
                events::clientGone);
        ChatCompletionResult result;
        try {
            result = service.complete(call);
        } catch (RuntimeException e) {
            if (!events.started()) {
                throw e;
            }
            events.fail(OpenAiExceptionMapper.failureFor(e).body());
            return;
        }
        if (!events.started()) {
            format.opening(id.get(), created, model).forEach(events::send);
        }
        events.send(format.finish(id.get(), created, model, AnswerFormat.finishReason(result)));
        if (request.includeUsage()) {
            events.send(format.usage(id.get(), created, model, Usage.of(result)));
        }
        events.done();
    }
}
