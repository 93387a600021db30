package org.orgllm.interfaces.openai;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /v1/completions}: the prompt, as it is (no chat template), continued by the named model —
 * whole, or streamed as {@code text_completion} events when {@code stream} is true.
 */
@Path("completions")
public class CompletionsResource {

    @Inject
    OpenAiCalls calls;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    public void create(JsonObject body, @Suspended AsyncResponse response) {
        calls.answer(body, OpenAiRequests::completion, AnswerFormat.TEXT, response);
    }
}
