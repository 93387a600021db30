package org.orgllm.interfaces.temporal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.activity.DynamicActivity;
import io.temporal.client.ActivityCompletionException;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.EncodedValues;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.orgllm.application.usecases.UseCaseOptions;
import org.orgllm.application.usecases.UseCaseResult;
import org.orgllm.domain.model.generation.Channel;

/**
 * Serves the {@link UseCaseActivities} by name. It decodes the JSON input itself (a
 * {@link DynamicActivity}) so that malformed input fails as a non-retryable
 * {@value ActivityFailures#INVALID_INPUT} instead of a decoding error Temporal would retry forever.
 *
 * <p>Each attempt: decode the request, derive the idempotency key, run the use case on {@code calls}
 * (container threads, see {@link TemporalWorker}) while this activity thread heartbeats the progress,
 * check the result's size, return it. When a heartbeat reports that the activity was cancelled or timed
 * out, the generation is told to stop and the cancellation is rethrown.
 */
public class UseCaseActivitiesImpl implements DynamicActivity {

    /** Results must stay well under Temporal's 2 MB payload limit. */
    public static final int MAX_RESULT_BYTES = 1_500_000;

    /** How often the activity heartbeats; the SDK throttles what it sends to the server to its timeout. */
    static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(1);

    /** How long a cancelled generation is given to stop before the activity gives up waiting for it. */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(UseCaseActivitiesImpl.class.getName());

    private final Map<String, UseCaseBinding<?, ?>> bindings;
    private final ExecutorService calls;
    private final ObjectMapper json = TemporalJson.newMapper();

    /**
     * @param bindings the activities to serve, by name
     * @param calls where the use cases run (the activity thread stays free to heartbeat)
     */
    public UseCaseActivitiesImpl(List<UseCaseBinding<?, ?>> bindings, ExecutorService calls) {
        this.bindings = bindings.stream().collect(Collectors.toUnmodifiableMap(UseCaseBinding::activityName,
                Function.identity()));
        this.calls = calls;
    }

    @Override
    public Object execute(EncodedValues args) {
        ActivityExecutionContext context = Activity.getExecutionContext();
        ActivityInfo info = context.getInfo();
        String name = info.getActivityType();
        UseCaseBinding<?, ?> binding = bindings.get(name);
        if (binding == null) {
            throw ApplicationFailure.newNonRetryableFailure("no activity named '" + name + "' is served on this task queue; "
                    + "known: " + bindings.keySet().stream().sorted().toList(), ActivityFailures.UNKNOWN_ACTIVITY);
        }
        JsonNode input = input(name, args);
        Object request = decode(binding, input);
        UseCaseResult<?> result = run(context, binding, request, idempotencyKey(info, input));
        if (result.replayed()) {
            LOG.info(() -> name + " attempt " + info.getAttempt() + " of " + info.getWorkflowId()
                    + " returned the stored result of generation " + result.generationId());
        }
        return checkSize(name, result.result());
    }

    private JsonNode input(String name, EncodedValues args) {
        if (args.getSize() != 1) {
            throw ActivityFailures.malformed(name, "expected one argument (the request object), got " + args.getSize());
        }
        try {
            return args.get(0, JsonNode.class);
        } catch (DataConverterException e) {
            throw ActivityFailures.malformed(name, rootMessage(e));
        }
    }

    private Object decode(UseCaseBinding<?, ?> binding, JsonNode input) {
        if (input == null || !input.isObject()) {
            throw ActivityFailures.malformed(binding.activityName(), "expected a JSON object, got "
                    + (input == null ? "null" : input.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        try {
            return json.treeToValue(input, binding.requestType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ActivityFailures.malformed(binding.activityName(), rootMessage(e));
        }
    }

    /**
     * Runs the use case while heartbeating; a heartbeat that fails because the activity was cancelled or
     * is no longer expected (its timeout passed) stops the generation.
     */
    private UseCaseResult<?> run(ActivityExecutionContext context, UseCaseBinding<?, ?> binding, Object request,
            String key) {
        AtomicLong characters = new AtomicLong();
        AtomicLong deltas = new AtomicLong();
        AtomicBoolean cancelled = new AtomicBoolean();
        UseCaseOptions options = UseCaseOptions.of(Channel.TEMPORAL)
                .withIdempotencyKey(key)
                .streaming(delta -> {
                    characters.addAndGet(delta.length());
                    deltas.incrementAndGet();
                }, cancelled::get);
        long started = System.nanoTime();
        Future<? extends UseCaseResult<?>> call = calls.submit(() -> binding.invoke(request, options));
        try {
            while (true) {
                try {
                    return call.get(HEARTBEAT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    heartbeat(context, characters.get(), deltas.get(), started);
                }
            }
        } catch (ActivityCompletionException e) {
            cancelled.set(true);
            awaitStop(call);
            throw e;
        } catch (InterruptedException e) {
            // the worker is shutting down: stop generating; Temporal retries the attempt elsewhere
            cancelled.set(true);
            Thread.currentThread().interrupt();
            throw ApplicationFailure.newFailure("the worker is shutting down", ActivityFailures.GENERATION_CANCELLED);
        } catch (ExecutionException e) {
            throw ActivityFailures.of(e);
        }
    }

    private static void heartbeat(ActivityExecutionContext context, long characters, long deltas, long started) {
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("characters", characters);
        progress.put("deltas", deltas);
        progress.put("elapsed_ms", (System.nanoTime() - started) / 1_000_000);
        context.heartbeat(progress);
    }

    private static void awaitStop(Future<?> call) {
        try {
            call.get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // it stopped with the expected GenerationCancelledException, or is still winding down
        }
    }

    /**
     * The key under which the use case stores its result. A retry of the same activity (same namespace,
     * workflow id, activity id, name and input) finds the stored result; another input or activity does not.
     * The run id is left out on purpose: a re-run under the same workflow id with the same request gets
     * the answer already paid for, as a Python or TypeScript workflow (whose activity ids are sequence
     * numbers) would expect. Hashed, so any workflow id fits the key's column.
     */
    static String idempotencyKey(ActivityInfo info, JsonNode input) {
        String identity = String.join("\n", info.getNamespace(), info.getWorkflowId(), info.getActivityId(),
                info.getActivityType(), input.toString());
        return "temporal:" + info.getActivityType() + ":" + sha256(identity);
    }

    private Object checkSize(String name, Object result) {
        try {
            int size = json.writeValueAsBytes(result).length;
            if (size > MAX_RESULT_BYTES) {
                throw ApplicationFailure.newNonRetryableFailure(name + " produced a result of " + size
                        + " bytes; at most " + MAX_RESULT_BYTES + " fit a Temporal payload", ActivityFailures.RESULT_TOO_LARGE);
            }
            return result;
        } catch (JsonProcessingException e) {
            throw ActivityFailures.of(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The decoding error, led by the field it concerns ({@code key_messages[0]: ...}) when known. */
    private static String rootMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                StringBuilder field = new StringBuilder();
                for (JsonMappingException.Reference ref : m.getPath()) {
                    if (ref.getFieldName() != null) {
                        field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
                    } else if (ref.getIndex() >= 0) {
                        field.append('[').append(ref.getIndex()).append(']');
                    }
                }
                return field + ": " + m.getOriginalMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof JsonProcessingException j ? j.getOriginalMessage() : root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
