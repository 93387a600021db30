package org.orgllm.interfaces.rest.v1;

import jakarta.inject.Inject;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orgllm.application.KnowledgeDocumentView;
import org.orgllm.application.KnowledgeService;
import org.orgllm.application.NewKnowledgeDocument;
import org.orgllm.application.UnknownDocumentException;

/** An organization's knowledge documents (plain text or Markdown), chunked and indexed on upload. */
@Path("v1/organizations/{organization_id}/knowledge-documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Knowledge")
public class KnowledgeDocumentResource {

    @Inject
    KnowledgeService knowledge;

    @GET
    @Operation(summary = "The organization's knowledge documents")
    public List<KnowledgeDocumentView> list(@PathParam("organization_id") String organizationId) {
        return knowledge.list(organizationId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a document (JSON: title, media_type, content)")
    public Response add(@PathParam("organization_id") String organizationId,
            @NotNull(message = "a JSON body is required") NewKnowledgeDocument document) {
        KnowledgeDocumentView created = knowledge.add(organizationId, document);
        return Response.status(201).entity(created)
                .header("Location", "/api/v1/organizations/" + organizationId + "/knowledge-documents/" + created.id())
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a document and its chunks")
    public Response delete(@PathParam("organization_id") String organizationId, @PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new UnknownDocumentException(id);
        }
        knowledge.delete(organizationId, uuid);
        return Response.noContent().build();
    }
}
