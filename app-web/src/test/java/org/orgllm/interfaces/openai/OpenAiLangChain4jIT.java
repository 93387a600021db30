package org.orgllm.interfaces.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orgllm.interfaces.openai.OpenAiFixtures.BASE_MODEL;
import static org.orgllm.interfaces.openai.OpenAiFixtures.TECHCORP;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiModelCatalog;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orgllm.it.DeployedApplication;
import org.orgllm.it.Http;
import org.orgllm.it.RunningServer;

/**
 * LangChain4j's {@code OpenAiChatModel} and {@code OpenAiStreamingChatModel} pointed at {@code /v1}:
 * what LangChain4j sends by default must be accepted, and its answers, usage and errors understood.
 */
@ExtendWith(DeployedApplication.class)
class OpenAiLangChain4jIT {

    private static final int MAX_TOKENS = 24;

    private static RunningServer server;
    private static String key;

    @BeforeAll
    static void connect(RunningServer running) throws Exception {
        server = running;
        key = OpenAiFixtures.apiKey(new Http(running), "techcorp");
    }

    private static OpenAiChatModel.OpenAiChatModelBuilder chatModel(String model) {
        return OpenAiChatModel.builder()
                .baseUrl(server.baseUrl() + "/v1")
                .apiKey(key)
                .modelName(model)
                .maxTokens(MAX_TOKENS)
                .maxRetries(0)
                .timeout(Duration.ofMinutes(2));
    }

    @Test
    void aChatAnswersWithUsageAndIsRecorded() throws Exception {
        ChatResponse response = chatModel(TECHCORP).temperature(0.5).seed(7).build().chat(ChatRequest.builder()
                .messages(SystemMessage.from("You write for TechCorp."), UserMessage.from("Greet the new hires."))
                .build());

        assertThat(response.aiMessage()).isNotNull();
        assertThat(response.tokenUsage().inputTokenCount()).isPositive();
        assertThat(response.tokenUsage().totalTokenCount())
                .isEqualTo(response.tokenUsage().inputTokenCount() + response.tokenUsage().outputTokenCount());
        Map<String, Object> row = OpenAiFixtures.generation(server, response.metadata().id());
        OpenAiFixtures.assertRecorded(row, "chat", "techcorp", "apikey:");
        OpenAiFixtures.assertRawOutput(row, nullToEmpty(response.aiMessage().text()));
    }

    @Test
    void aStreamedChatsDeltasJoinToTheFinalTextAndUsageIsReported() throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(server.baseUrl() + "/v1")
                .apiKey(key)
                .modelName(TECHCORP)
                .maxTokens(MAX_TOKENS)
                .timeout(Duration.ofMinutes(2))
                .build();
        StringBuilder deltas = new StringBuilder();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat("Write a line about our new office.", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                deltas.append(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(2, TimeUnit.MINUTES);

        assertThat(deltas.toString()).isEqualTo(nullToEmpty(response.aiMessage().text()));
        assertThat(response.tokenUsage()).isNotNull();
        assertThat(response.tokenUsage().inputTokenCount()).isPositive();
        assertThat(response.finishReason()).isNotNull();
        Map<String, Object> row = OpenAiFixtures.generation(server, response.metadata().id());
        OpenAiFixtures.assertRecorded(row, "chat", "techcorp", "apikey:");
        OpenAiFixtures.assertRawOutput(row, deltas.toString());
        assertThat(((Number) row.get("completion_tokens")).intValue()).isEqualTo(response.tokenUsage().outputTokenCount());
    }

    @Test
    void aJsonSchemaAnswerParsesAndValidates() throws Exception {
        OpenAiChatModel model = chatModel(TECHCORP)
                .maxTokens(64)
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                .strictJsonSchema(true)
                .build();
        ChatResponse response = model.chat(ChatRequest.builder()
                .messages(UserMessage.from("Name a product and rate it."))
                .responseFormat(ResponseFormat.builder()
                        .type(ResponseFormatType.JSON)
                        .jsonSchema(JsonSchema.builder().name("rating").rootElement(JsonObjectSchema.builder()
                                .addStringProperty("product")
                                .addIntegerProperty("stars")
                                .required("product", "stars")
                                .additionalProperties(false)
                                .build()).build())
                        .build())
                .build());

        JsonNode json = Http.mapper().readTree(response.aiMessage().text());
        assertThat(json.get("product").isTextual()).isTrue();
        assertThat(json.get("stars").isIntegralNumber()).isTrue();
        assertThat(json.size()).isEqualTo(2);
    }

    @Test
    void theModelCatalogListsTheKeysModels() {
        var catalog = OpenAiModelCatalog.builder().baseUrl(server.baseUrl() + "/v1").apiKey(key).build();

        assertThat(catalog.listModels()).extracting(ModelDescription::name).containsExactly(TECHCORP, BASE_MODEL);
    }

    @Test
    void anUnknownModelIsModelNotFound() {
        assertThatThrownBy(() -> chatModel("org-nobody").build().chat("Hi"))
                .isInstanceOf(ModelNotFoundException.class);
    }

    @Test
    void aWrongKeyIsAnAuthenticationError() {
        assertThatThrownBy(() -> chatModel(TECHCORP).apiKey("ollm_wrong").build().chat("Hi"))
                .isInstanceOf(AuthenticationException.class);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
