package org.orgllm.interfaces.rest.v1;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orgllm.application.ApiKeyService;

/** An organization's API keys (ADMIN): created keys are shown once; list; revoke. */
@Path("v1/organizations/{organization_id}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys")
public class ApiKeyResource {

    /** The body of a key creation. */
    public record NewKey(@NotBlank String name) {}

    @Inject
    ApiKeyService keys;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a key; the response is the only time the key is shown")
    public Response create(@PathParam("organization_id") String organizationId,
            @NotNull(message = "a JSON body is required") NewKey body) {
        return Response.status(201).entity(keys.create(organizationId, body.name())).build();
    }

    @GET
    @Operation(summary = "The organization's keys (without the secrets)")
    public List<ApiKeyService.ApiKeyView> list(@PathParam("organization_id") String organizationId) {
        return keys.list(organizationId);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a key")
    public Response revoke(@PathParam("organization_id") String organizationId, @PathParam("id") long id) {
        keys.revoke(organizationId, id);
        return Response.noContent().build();
    }
}
