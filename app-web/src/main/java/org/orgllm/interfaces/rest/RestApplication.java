package org.orgllm.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.orgllm.interfaces.web.stream.PortalStreamResource;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.orgllm.interfaces.rest.problem.ProblemMapper;
import org.orgllm.interfaces.rest.problem.ValidationProblemMapper;
import org.orgllm.interfaces.rest.v1.ApiKeyResource;
import org.orgllm.interfaces.rest.v1.GenerationResource;
import org.orgllm.interfaces.rest.v1.KnowledgeDocumentResource;
import org.orgllm.interfaces.rest.v1.OrganizationResource;
import org.orgllm.interfaces.rest.v1.UseCaseResource;

/**
 * The REST API under {@code /api}. Its classes are listed, not scanned: scanning would also pull in the
 * OpenAI-compatible API of {@code /v1} and its error mappers ({@code RestApplicationTest} checks that
 * every resource and provider of this package and of the portal's stream endpoint is listed).
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "OrgLLM API", version = "1",
                description = "Organization-tuned LLM use cases, generations and knowledge, served locally."),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An organization API key")
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A portal user's name and password")
public class RestApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(JsonbProvider.class, ProblemMapper.class, ValidationProblemMapper.class,
                ApiKeyResource.class, GenerationResource.class, KnowledgeDocumentResource.class,
                OrganizationResource.class, UseCaseResource.class, PortalStreamResource.class);
    }
}
