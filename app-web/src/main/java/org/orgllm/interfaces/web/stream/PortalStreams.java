package org.orgllm.interfaces.web.stream;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.orgllm.application.usecases.UseCaseOptions;
import org.orgllm.application.usecases.UseCaseResult;

/** The portal's open streams, by random id. Only the owner finds a stream; old ones are dropped. */
@ApplicationScoped
public class PortalStreams {

    /** Long enough for a page to open its stream and a generation to finish; short enough to bound memory. */
    static final Duration TTL = Duration.ofMinutes(30);

    private final Map<String, PortalStream> streams = new ConcurrentHashMap<>();

    /** Registers a generation for {@code owner}; it runs when the owner opens the stream. */
    public PortalStream open(String owner, Function<UseCaseOptions, UseCaseResult<?>> call, UseCaseOptions options) {
        Instant oldest = Instant.now().minus(TTL);
        streams.values().removeIf(s -> s.createdAt().isBefore(oldest));
        PortalStream stream = new PortalStream(owner, call, options);
        streams.put(stream.id(), stream);
        return stream;
    }

    /** The stream, when it exists and belongs to {@code caller}; another user's id is simply not found. */
    public Optional<PortalStream> find(String id, String caller) {
        if (id == null || caller == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(streams.get(id)).filter(s -> s.owner().equals(caller));
    }
}
