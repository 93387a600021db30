package org.orgllm.interfaces.rest.problem;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.orgllm.application.WireNames;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.orgllm.application.AccessDeniedException;
import org.orgllm.application.ContentTooLargeException;
import org.orgllm.application.UnknownDocumentException;
import org.orgllm.application.UnknownGenerationException;
import org.orgllm.application.generation.GenerationCancelledException;
import org.orgllm.application.generation.GenerationFailedException;
import org.orgllm.application.generation.GenerationInProgressException;
import org.orgllm.application.generation.ModelUnavailableException;
import org.orgllm.application.generation.OverloadedException;
import org.orgllm.application.generation.PromptTooLargeException;
import org.orgllm.application.DuplicateOrganizationException;
import org.orgllm.application.UnknownOrganizationException;
import org.orgllm.domain.model.organization.InvalidOrganizationIdException;

/**
 * One place that turns any failure of a REST call into a problem+json response: client mistakes
 * are 4xx with a message naming what is wrong; anything unexpected is a 500 without internals.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable thrown) {
        Problem problem = problemFor(thrown);
        if (uriInfo != null) {
            problem = new Problem(problem.type(), problem.title(), problem.status(), problem.detail(),
                    uriInfo.getRequestUri().getRawPath(), problem.errors());
        }
        var response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        Duration retryAfter = switch (unwrap(thrown)) {
            case OverloadedException o -> o.retryAfter();
            case GenerationInProgressException p -> p.retryAfter();
            default -> null;
        };
        if (retryAfter != null) {
            response.header("Retry-After", Math.max(1, retryAfter.toSeconds()));
        }
        return response.build();
    }

    /** The problem a failure is reported as. */
    public static Problem problemFor(Throwable thrown) {
        Throwable e = unwrap(thrown);
        return switch (e) {
            case ConstraintViolationException cve -> validation(cve);
            case InvalidOrganizationIdException i -> Problem.of(400, "Invalid organization id", i.getMessage());
            case UnknownOrganizationException u -> Problem.of(404, "Unknown organization", u.getMessage());
            case DuplicateOrganizationException d -> Problem.of(409, "Organization exists", d.getMessage());
            case AccessDeniedException a -> Problem.of(403, "Forbidden", a.getMessage());
            case UnknownGenerationException u -> Problem.of(404, "Unknown generation", u.getMessage());
            case UnknownDocumentException u -> Problem.of(404, "Unknown document", u.getMessage());
            case ContentTooLargeException c -> Problem.of(413, "Content too large", c.getMessage());
            case PromptTooLargeException p -> Problem.of(413, "Prompt too large", p.getMessage());
            case OverloadedException o -> Problem.of(429, "Too many requests", o.getMessage());
            case ModelUnavailableException m -> Problem.of(503, "Model unavailable", m.getMessage());
            case GenerationCancelledException c -> Problem.of(409, "Cancelled", c.getMessage());
            case GenerationInProgressException p -> Problem.of(409, "Generation in progress", p.getMessage());
            case GenerationFailedException g -> Problem.of(502, "Unusable model output", g.getMessage());
            case IllegalArgumentException i -> Problem.of(400, "Bad request", i.getMessage());
            case JsonbException j -> Problem.of(400, "Malformed JSON", j.getMessage());
            case jakarta.ws.rs.ProcessingException p when jsonCause(p).isPresent() ->
                    Problem.of(400, "Malformed JSON", jsonCause(p).get());
            case WebApplicationException w when w.getResponse().getStatus() < 500 -> Problem.of(
                    w.getResponse().getStatus(), w.getResponse().getStatusInfo().getReasonPhrase(),
                    jsonCause(w).orElse(w.getMessage()));
            default -> {
                LOG.log(Level.SEVERE, "unexpected failure of a REST call", e);
                yield Problem.of(500, "Internal Server Error", "an unexpected error occurred");
            }
        };
    }

    static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** A body that is not valid JSON surfaces from the provider as a 400 whose cause says why. */
    private static java.util.Optional<String> jsonCause(Throwable w) {
        for (Throwable c = w.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonbException || c instanceof jakarta.json.JsonException) {
                return java.util.Optional.of("malformed JSON: " + c.getMessage());
            }
        }
        return java.util.Optional.empty();
    }

    private static Problem validation(ConstraintViolationException cve) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        String detail = String.join("; ", errors.stream().map(f -> f.field() + ": " + f.message()).toList());
        return new Problem("about:blank", "Validation failed", 400, detail, null, errors);
    }

    static String fieldName(Path path) {
        return WireNames.fieldName(path, "body");
    }

    static String snake(String camel) {
        return WireNames.snake(camel);
    }
}
