package org.orgllm.interfaces.web.stream;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orgllm.application.usecases.UseCaseResult;
import org.orgllm.interfaces.rest.JsonbProvider;
import org.orgllm.interfaces.rest.problem.ProblemMapper;

/**
 * The portal page's EventSource: {@code delta} events with text as it is produced, then one
 * {@code result} event (the generation's id and usage) or an {@code error} event. The session cookie
 * authenticates; a stream of another user is not found.
 */
@Path("v1/portal/streams")
@Tag(name = "Portal")
public class PortalStreamResource {

    @Inject
    PortalStreams streams;

    @GET
    @Path("{id}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The text of a generation the portal started, as server-sent events")
    public void stream(@PathParam("id") String id, @Context SecurityContext security, @Context SseEventSink sink,
            @Context Sse sse) {
        Principal caller = security.getUserPrincipal();
        Optional<PortalStream> found = streams.find(id, caller == null ? null : caller.getName());
        try {
            if (found.isEmpty()) {
                send(sink, sse, "error", Map.of("title", "Not found", "detail", "no such stream"));
            } else if (!found.get().claim()) {
                replay(found.get(), sink, sse);
            } else {
                run(found.get(), sink, sse);
            }
        } finally {
            try {
                sink.close();
            } catch (IOException e) {
                // the page is gone already
            }
        }
    }

    private static void run(PortalStream stream, SseEventSink sink, Sse sse) {
        try {
            UseCaseResult<?> result = stream.run(delta -> send(sink, sse, "delta", Map.of("text", delta)),
                    sink::isClosed);
            send(sink, sse, "result", summary(result));
        } catch (RuntimeException e) {
            send(sink, sse, "error", ProblemMapper.problemFor(e));
        }
    }

    /** A reconnecting EventSource gets what there is: the whole text and the outcome once known. */
    private static void replay(PortalStream stream, SseEventSink sink, Sse sse) {
        send(sink, sse, "delta", Map.of("text", stream.text()));
        if (stream.generationId() != null) {
            send(sink, sse, "result", Map.of("generation_id", stream.generationId().toString()));
        } else if (stream.done()) {
            send(sink, sse, "error", Map.of("title", "Generation failed", "detail", String.valueOf(stream.error())));
        } else {
            send(sink, sse, "error", Map.of("title", "Already streaming", "detail", "this generation is streaming elsewhere"));
        }
    }

    private static Map<String, Object> summary(UseCaseResult<?> result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("generation_id", result.generationId().toString());
        body.put("finish_reason", result.finishReason());
        body.put("prompt_tokens", result.promptTokens());
        body.put("completion_tokens", result.completionTokens());
        body.put("total_ms", result.totalMs());
        return body;
    }

    private static void send(SseEventSink sink, Sse sse, String name, Object data) {
        if (!sink.isClosed()) {
            sink.send(sse.newEventBuilder().name(name).data(JsonbProvider.jsonb().toJson(data)).build());
        }
    }
}
