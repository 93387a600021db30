package org.orgllm.interfaces.openai;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The OpenAI-compatible API under {@code /v1}. Its classes are listed, not scanned: scanning would
 * also pull in the {@code /api} resources and their problem+json mappers.
 */
@ApplicationPath("v1")
public class OpenAiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ModelsResource.class, ChatCompletionsResource.class, CompletionsResource.class,
                OpenAiJson.class, OpenAiExceptionMapper.class, OpenAiValidationMapper.class);
    }
}
