package org.orgllm.interfaces.openai;

import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The server-sent events of one streamed call, in OpenAI's form ({@code data: <json>} events, then
 * {@code data: [DONE]}).
 *
 * <p>The response is only committed when the first event is ready: until then the call can still fail
 * with a plain HTTP status (400, 404, 429 with {@code Retry-After}, 503), which is what OpenAI clients
 * expect. Events are queued by the generating thread (the engine's listener must never block) and
 * written by a virtual thread of their own; a write that fails means the client went away, which
 * {@link #clientGone()} reports so the generation is cancelled.
 */
final class EventStream {

    /** Marks the end of the queue; compared by identity, so no event text can be mistaken for it. */
    private static final String END = new String("end of stream");

    private final AsyncResponse response;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean gone = new AtomicBoolean();
    private final Map<String, Object> headers = new ConcurrentHashMap<>();

    EventStream(AsyncResponse response) {
        this.response = response;
    }

    /** A header for the response; only effective before the first event. */
    void header(String name, Object value) {
        headers.put(name, value);
    }

    /** Queues one event with {@code payload} serialized as JSON, committing the response on the first. */
    void send(Object payload) {
        sendRaw(OpenAiJson.jsonb().toJson(payload));
    }

    /** Ends the stream with OpenAI's {@code [DONE]} marker. */
    void done() {
        sendRaw("[DONE]");
        events.add(END);
    }

    /** Ends the stream after a failure mid-way: the error body as the last event, as OpenAI does. */
    void fail(OpenAiError error) {
        send(error);
        events.add(END);
    }

    boolean started() {
        return started.get();
    }

    /** Whether the client stopped reading (polled by the generation to cancel itself). */
    boolean clientGone() {
        return gone.get() || response.isCancelled();
    }

    private void sendRaw(String data) {
        events.add(data);
        if (started.compareAndSet(false, true)) {
            StreamingOutput output = this::drain;
            Response.ResponseBuilder ok = Response.ok(output, "text/event-stream")
                    .header("Cache-Control", "no-cache")
                    .header("X-Accel-Buffering", "no");
            headers.forEach(ok::header);
            Response committed = ok.build();
            // Resuming writes the whole stream on the calling thread: never the engine's, nor the generating one.
            Thread.ofVirtual().name("openai-sse").start(() -> response.resume(committed));
        }
    }

    private void drain(OutputStream out) throws IOException {
        try {
            while (true) {
                String data = events.take();
                if (data == END) {
                    return;
                }
                out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            gone.set(true);
            throw e;
        } catch (InterruptedException e) {
            gone.set(true);
            Thread.currentThread().interrupt();
        }
    }
}
