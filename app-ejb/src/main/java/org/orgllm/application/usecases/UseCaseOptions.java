package org.orgllm.application.usecases;

import java.util.function.Consumer;
import org.orgllm.application.generation.CompletionRequest.Cancellation;
import org.orgllm.application.generation.SamplingOptions;
import org.orgllm.domain.model.generation.Channel;

/**
 * How a use case is run, beyond its request: the door it came through, an idempotency key (a
 * retry with the same key returns the stored result), a token budget, sampling, a stream listener.
 */
public record UseCaseOptions(Channel channel, String idempotencyKey, Integer maxTokens, SamplingOptions sampling,
                             Consumer<String> onDelta, Cancellation cancellation) {

    public static UseCaseOptions of(Channel channel) {
        return new UseCaseOptions(channel, null, null, null, null, null);
    }

    public UseCaseOptions streaming(Consumer<String> listener, Cancellation cancel) {
        return new UseCaseOptions(channel, idempotencyKey, maxTokens, sampling, listener, cancel);
    }

    public UseCaseOptions withIdempotencyKey(String key) {
        return new UseCaseOptions(channel, key, maxTokens, sampling, onDelta, cancellation);
    }

    public UseCaseOptions withSampling(SamplingOptions options) {
        return new UseCaseOptions(channel, idempotencyKey, maxTokens, options, onDelta, cancellation);
    }

    public UseCaseOptions withMaxTokens(Integer tokens) {
        return new UseCaseOptions(channel, idempotencyKey, tokens, sampling, onDelta, cancellation);
    }
}
