package org.orgllm.interfaces.openai;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * OpenAI's JSON: snake_case, and {@code null}s written out (OpenAI sends {@code "finish_reason": null},
 * {@code "logprobs": null}, {@code "param": null}, and clients expect those keys).
 */
public class OpenAiJson implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true));

    /** The shared instance, for JSON written outside JAX-RS (stream events, the auth mechanism's 401). */
    public static Jsonb jsonb() {
        return JSONB;
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
