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
 * {@code POST /v1/chat/completions}: the messages, rendered by the model's chat template, answered by
 * the named model — whole, or streamed as {@code chat.completion.chunk} events when {@code stream} is true.
 */
@Path("chat/completions")
public class ChatCompletionsResource {

    @Inject
    OpenAiCalls calls;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    public void create(JsonObject body, @Suspended AsyncResponse response) {
        calls.answer(body, OpenAiRequests::chat, AnswerFormat.CHAT, response);
    }
}
