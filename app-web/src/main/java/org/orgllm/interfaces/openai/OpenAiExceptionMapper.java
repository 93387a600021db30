package org.orgllm.interfaces.openai;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.orgllm.application.AccessDeniedException;
import org.orgllm.application.ContentTooLargeException;
import org.orgllm.application.UnknownModelException;
import org.orgllm.application.generation.GenerationCancelledException;
import org.orgllm.application.generation.GenerationFailedException;
import org.orgllm.application.generation.ModelUnavailableException;
import org.orgllm.application.generation.OverloadedException;
import org.orgllm.application.generation.PromptTooLargeException;
import org.orgllm.domain.model.organization.InvalidOrganizationIdException;

/**
 * Every failure under {@code /v1} as OpenAI's error body with the status OpenAI clients act on:
 * 400 bad request (naming the parameter), 404 unknown model or URL, 413 prompt too large, 429 queue
 * full (with {@code Retry-After}), 503 no model; anything unexpected is a 500 without internals.
 */
public class OpenAiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(OpenAiExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    /** A mapped failure: the status and the body. */
    record Failure(int status, OpenAiError body) {}

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = unwrap(thrown);
        Failure failure = failureFor(e);
        if (failure.status() == 404 && e instanceof NotFoundException && uriInfo != null && request != null) {
            failure = new Failure(404, OpenAiError.of("Unknown request URL: " + request.getMethod() + " "
                    + uriInfo.getRequestUri().getRawPath() + ".", OpenAiError.INVALID_REQUEST, null, "unknown_url"));
        }
        var response = Response.status(failure.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(failure.body());
        if (e instanceof OverloadedException o) {
            response.header("Retry-After", Math.max(1, o.retryAfter().toSeconds()));
        }
        return response.build();
    }

    /** The status and body a failure is reported as (also used inside a stream, as its last event). */
    static Failure failureFor(Throwable thrown) {
        Throwable e = unwrap(thrown);
        return switch (e) {
            case InvalidParameterException p -> invalid(400, p.getMessage(), p.param(), p.code());
            case UnknownModelException u -> invalid(404, u.getMessage(), "model", "model_not_found");
            case ConstraintViolationException c -> validation(c);
            case InvalidOrganizationIdException i -> invalid(400, i.getMessage(), null, null);
            case PromptTooLargeException p -> invalid(413, p.getMessage(), "messages", "context_length_exceeded");
            case ContentTooLargeException c -> invalid(413, c.getMessage(), null, "context_length_exceeded");
            case OverloadedException o -> new Failure(429, OpenAiError.of(
                    "The server is busy: its generation queue is full. Retry after "
                            + Math.max(1, o.retryAfter().toSeconds()) + " s.",
                    "rate_limit_error", null, "rate_limit_exceeded"));
            case ModelUnavailableException m -> new Failure(503, OpenAiError.of(m.getMessage(),
                    OpenAiError.SERVER_ERROR, null, "model_unavailable"));
            case AccessDeniedException a -> new Failure(403, OpenAiError.of(a.getMessage(), "permission_error",
                    null, null));
            case GenerationCancelledException c -> invalid(409, c.getMessage(), null, "cancelled");
            case GenerationFailedException g -> new Failure(500, OpenAiError.of(g.getMessage(),
                    OpenAiError.SERVER_ERROR, null, null));
            case IllegalArgumentException i -> invalid(400, i.getMessage(), null, null);
            case JsonbException j -> malformed(j);
            case JsonException j -> malformed(j);
            case ProcessingException p when jsonCause(p).isPresent() -> malformed(jsonCause(p).get());
            case NotFoundException n -> invalid(404, "Unknown request URL.", null, "unknown_url");
            case NotAllowedException n -> invalid(405, "Method not allowed for this URL.", null, null);
            case WebApplicationException w when jsonCause(w).isPresent() -> malformed(jsonCause(w).get());
            case WebApplicationException w when w.getResponse().getStatus() < 500 -> invalid(
                    w.getResponse().getStatus(), w.getMessage(), null, null);
            default -> {
                LOG.log(Level.SEVERE, "unexpected failure of an OpenAI-compatible call", e);
                yield new Failure(500, OpenAiError.of("The server had an error while processing your request.",
                        OpenAiError.SERVER_ERROR, null, null));
            }
        };
    }

    private static Failure invalid(int status, String message, String param, String code) {
        return new Failure(status, OpenAiError.of(message, OpenAiError.INVALID_REQUEST, param, code));
    }

    private static Failure malformed(Throwable cause) {
        return invalid(400, "We could not parse the JSON body of your request: " + cause.getMessage(), null,
                "invalid_json");
    }

    private static Failure validation(ConstraintViolationException c) {
        ConstraintViolation<?> first = c.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .findFirst().orElse(null);
        if (first == null) {
            return invalid(400, c.getMessage(), null, null);
        }
        String param = null;
        for (jakarta.validation.Path.Node node : first.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                param = node.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
            }
        }
        return invalid(400, (param == null ? "" : param + ": ") + first.getMessage(), param, null);
    }

    static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** A body that is not valid JSON surfaces from the JSON provider wrapped; its cause says why. */
    private static Optional<Throwable> jsonCause(Throwable w) {
        for (Throwable c = w.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonbException || c instanceof JsonException) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
