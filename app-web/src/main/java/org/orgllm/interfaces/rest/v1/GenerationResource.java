package org.orgllm.interfaces.rest.v1;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orgllm.application.GenerationQueryService;
import org.orgllm.application.GenerationView;
import org.orgllm.application.UnknownGenerationException;

/** The generation records of an organization: paged, filterable by use case and date. */
@Path("v1/generations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Generations")
public class GenerationResource {

    @Inject
    GenerationQueryService generations;

    @GET
    @Operation(summary = "One page of an organization's generations, newest first")
    public GenerationQueryService.Page<GenerationView> search(
            @QueryParam("organization_id") String organizationId,
            @QueryParam("use_case") String useCase,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        if (organizationId == null || organizationId.isBlank()) {
            throw new BadRequestException("the query parameter organization_id is required");
        }
        return generations.search(organizationId, useCase, instant(from, "from"), instant(to, "to"), page, size);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One generation: request, prompt, output, timings")
    public GenerationView get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new UnknownGenerationException(id);
        }
        return generations.get(uuid);
    }

    /** An ISO instant ({@code 2026-11-26T10:00:00Z}) or date ({@code 2026-11-26}, midnight UTC). */
    static Instant instant(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("the query parameter " + name + " must be an ISO date or instant");
        }
    }
}
