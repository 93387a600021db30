package org.orgllm.interfaces.rest.v1;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orgllm.application.OrganizationProfile;
import org.orgllm.application.OrganizationService;
import org.orgllm.domain.model.organization.OrganizationId;

/** Organizations and their profiles: everyone reads their own, ADMIN creates and edits. */
@Path("v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations")
public class OrganizationResource {

    @Inject
    OrganizationService organizations;

    @GET
    @Operation(summary = "The organizations the caller may see")
    public List<OrganizationProfile> list() {
        return organizations.listVisible();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One organization's profile")
    public OrganizationProfile get(@PathParam("id") String id) {
        return organizations.get(OrganizationId.of(id).value());
    }

    @POST
    @Operation(summary = "Create an organization (ADMIN)")
    public Response create(@NotNull(message = "a JSON body is required") OrganizationProfile profile,
            @Context UriInfo uri) {
        OrganizationProfile created = organizations.create(profile);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace an organization's profile (ADMIN)")
    public OrganizationProfile update(@PathParam("id") String id,
            @NotNull(message = "a JSON body is required") OrganizationProfile profile) {
        return organizations.update(OrganizationId.of(id).value(), profile);
    }
}
