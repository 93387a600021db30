package org.orgllm.interfaces.temporal;

import io.temporal.failure.ApplicationFailure;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.orgllm.application.WireNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.orgllm.application.AccessDeniedException;
import org.orgllm.application.ContentTooLargeException;
import org.orgllm.application.UnknownOrganizationException;
import org.orgllm.application.generation.GenerationCancelledException;
import org.orgllm.application.generation.GenerationFailedException;
import org.orgllm.application.generation.GenerationInProgressException;
import org.orgllm.application.generation.ModelUnavailableException;
import org.orgllm.application.generation.OverloadedException;
import org.orgllm.application.generation.PromptTooLargeException;
import org.orgllm.domain.model.organization.InvalidOrganizationIdException;

/**
 * How a failed use case reaches the calling workflow: an {@link ApplicationFailure} whose type names the
 * error. A caller's mistake is non-retryable (retrying cannot fix it); a busy or loading model is
 * retryable, with the delay after which a retry can succeed.
 */
public final class ActivityFailures {

    /** The request is not valid JSON for the activity, or breaks a field rule. Details: {@code [{field, message}]}. */
    public static final String INVALID_INPUT = "InvalidInput";
    /** {@code organization_id} breaks the slug rule. */
    public static final String INVALID_ORGANIZATION_ID = "InvalidOrganizationId";
    /** No organization with this id exists. */
    public static final String UNKNOWN_ORGANIZATION = "UnknownOrganization";
    /** A text field is larger than the service accepts. */
    public static final String CONTENT_TOO_LARGE = "ContentTooLarge";
    /** The prompt does not fit the model's context. */
    public static final String PROMPT_TOO_LARGE = "PromptTooLarge";
    /** The result would not fit a Temporal payload. */
    public static final String RESULT_TOO_LARGE = "ResultTooLarge";
    /** No activity of this name is served here. */
    public static final String UNKNOWN_ACTIVITY = "UnknownActivity";
    /** The worker's identity may not do this (a misconfiguration, not the workflow's fault). */
    public static final String ACCESS_DENIED = "AccessDenied";
    /** The engine's queue is full: retried after the engine's retry-after. */
    public static final String OVERLOADED = "Overloaded";
    /** No model can serve now (loading, or failed): retried after {@link #MODEL_UNAVAILABLE_DELAY}. */
    public static final String MODEL_UNAVAILABLE = "ModelUnavailable";
    /** The model's output could not be used: retried, sampling may do better. */
    public static final String GENERATION_FAILED = "GenerationFailed";
    /** The generation was stopped on this side (e.g. the worker shutting down): retried. */
    public static final String GENERATION_CANCELLED = "GenerationCancelled";
    /** An earlier attempt with the same idempotency key still runs: retried after a delay, then replayed. */
    public static final String GENERATION_IN_PROGRESS = "GenerationInProgress";
    /** Anything unexpected: retried. */
    public static final String INTERNAL_ERROR = "InternalError";

    /** The types a calling workflow should list as non-retryable (they are marked so anyway). */
    public static final List<String> NON_RETRYABLE = List.of(INVALID_INPUT, INVALID_ORGANIZATION_ID,
            UNKNOWN_ORGANIZATION, CONTENT_TOO_LARGE, PROMPT_TOO_LARGE, RESULT_TOO_LARGE, UNKNOWN_ACTIVITY);

    /** How long a model that is not available yet (still loading) is given before the next try. */
    public static final Duration MODEL_UNAVAILABLE_DELAY = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(ActivityFailures.class.getName());

    private ActivityFailures() {}

    /** The failure a use case's exception is reported as. */
    public static ApplicationFailure of(Throwable thrown) {
        Throwable e = unwrap(thrown);
        return switch (e) {
            case ApplicationFailure a -> a;
            case ConstraintViolationException cve -> invalidInput(cve);
            case InvalidOrganizationIdException i -> nonRetryable(INVALID_ORGANIZATION_ID, i);
            case UnknownOrganizationException u -> nonRetryable(UNKNOWN_ORGANIZATION, u);
            case ContentTooLargeException c -> nonRetryable(CONTENT_TOO_LARGE, c);
            case PromptTooLargeException p -> nonRetryable(PROMPT_TOO_LARGE, p);
            case AccessDeniedException a -> nonRetryable(ACCESS_DENIED, a);
            case OverloadedException o -> retryable(OVERLOADED, o, atLeastOneSecond(o.retryAfter()));
            case ModelUnavailableException m -> retryable(MODEL_UNAVAILABLE, m, MODEL_UNAVAILABLE_DELAY);
            case GenerationFailedException g -> retryable(GENERATION_FAILED, g, null);
            case GenerationCancelledException c -> retryable(GENERATION_CANCELLED, c, null);
            case GenerationInProgressException p ->
                    retryable(GENERATION_IN_PROGRESS, p, atLeastOneSecond(p.retryAfter()));
            case IllegalArgumentException i -> nonRetryable(INVALID_INPUT, i);
            default -> {
                LOG.log(Level.SEVERE, "unexpected failure of a Temporal activity", e);
                yield retryable(INTERNAL_ERROR, e, null);
            }
        };
    }

    /** A request that could not be decoded into the activity's record. */
    public static ApplicationFailure malformed(String activity, String why) {
        return ApplicationFailure.newBuilder().setType(INVALID_INPUT).setNonRetryable(true)
                .setMessage("malformed input for " + activity + ": " + why).build();
    }

    /** Container and executor wrappers hide the use case's own exception. */
    static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof EJBException || current instanceof ExecutionException
                || current instanceof CompletionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static ApplicationFailure invalidInput(ConstraintViolationException cve) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
            errors.add(Map.of("field", fieldName(v.getPropertyPath()), "message", v.getMessage()));
        }
        errors.sort(Comparator.comparing(m -> m.get("field")));
        String detail = String.join("; ", errors.stream().map(f -> f.get("field") + ": " + f.get("message")).toList());
        return ApplicationFailure.newBuilder().setType(INVALID_INPUT).setNonRetryable(true)
                .setMessage("validation failed: " + detail).setDetails(errors).build();
    }

    static String fieldName(Path path) {
        return WireNames.fieldName(path, "request");
    }

    static String snake(String camel) {
        return WireNames.snake(camel);
    }

    private static ApplicationFailure nonRetryable(String type, Throwable e) {
        return ApplicationFailure.newBuilder().setType(type).setNonRetryable(true).setMessage(e.getMessage()).build();
    }

    private static ApplicationFailure retryable(String type, Throwable e, Duration delay) {
        var failure = ApplicationFailure.newBuilder().setType(type).setNonRetryable(false)
                .setMessage(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        if (delay != null) {
            failure.setNextRetryDelay(delay);
        }
        return failure.build();
    }

    private static Duration atLeastOneSecond(Duration d) {
        return d == null || d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
    }
}
