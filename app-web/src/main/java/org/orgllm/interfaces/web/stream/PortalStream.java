package org.orgllm.interfaces.web.stream;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.orgllm.application.usecases.UseCaseOptions;
import org.orgllm.application.usecases.UseCaseResult;

/**
 * One generation the portal started: who owns it, the call to make, the text produced so far and
 * how it ended. Runs at most once; a Cancel flips {@link #cancel()} and the engine stops between tokens.
 */
public final class PortalStream {

    private final String id;
    private final String owner;
    private final Function<UseCaseOptions, UseCaseResult<?>> call;
    private final UseCaseOptions options;
    private final Instant createdAt = Instant.now();
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final StringBuffer text = new StringBuffer();
    private volatile UUID generationId;
    private volatile String error;
    private volatile boolean done;

    PortalStream(String owner, Function<UseCaseOptions, UseCaseResult<?>> call, UseCaseOptions options) {
        this.id = UUID.randomUUID().toString();
        this.owner = owner;
        this.call = call;
        this.options = options;
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** True for the first caller only: a reconnecting EventSource must not start a second generation. */
    boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean cancelled() {
        return cancelled.get();
    }

    /** Runs the generation in the calling thread, handing every delta to {@code onDelta} as well. */
    UseCaseResult<?> run(java.util.function.Consumer<String> onDelta, java.util.function.BooleanSupplier gone) {
        try {
            UseCaseResult<?> result = call.apply(options.streaming(delta -> {
                text.append(delta);
                onDelta.accept(delta);
            }, () -> cancelled.get() || gone.getAsBoolean()));
            generationId = result.generationId();
            return result;
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw e;
        } finally {
            done = true;
        }
    }

    public String text() {
        return text.toString();
    }

    public UUID generationId() {
        return generationId;
    }

    public String error() {
        return error;
    }

    public boolean done() {
        return done;
    }
}
