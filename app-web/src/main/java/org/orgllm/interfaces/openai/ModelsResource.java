package org.orgllm.interfaces.openai;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.orgllm.application.ChatCompletionService;
import org.orgllm.application.UnknownModelException;

/** {@code GET /v1/models} and {@code GET /v1/models/{id}}: the models the caller may name. */
@Path("models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    @Inject
    ChatCompletionService service;

    @GET
    public ModelList list() {
        return ModelList.of(service.models());
    }

    @GET
    @Path("{id}")
    public ModelList.Model get(@PathParam("id") String id) {
        return service.models().stream()
                .filter(m -> m.id().equals(id))
                .findFirst()
                .map(ModelList.Model::of)
                .orElseThrow(() -> new UnknownModelException(id));
    }
}
