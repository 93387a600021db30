package org.orgllm.interfaces.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orgllm.interfaces.openai.OpenAiFixtures.BASE_MODEL;
import static org.orgllm.interfaces.openai.OpenAiFixtures.TECHCORP;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.models.Model;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orgllm.it.DeployedApplication;
import org.orgllm.it.Http;
import org.orgllm.it.RunningServer;

/**
 * The official OpenAI Java SDK pointed at {@code /v1} with an organization API key: only the base URL
 * and the key differ from a call to OpenAI itself.
 */
@ExtendWith(DeployedApplication.class)
class OpenAiSdkIT {

    /** Small budgets keep the random-weight demo model quick. */
    private static final long MAX_TOKENS = 24;

    private static RunningServer server;
    private static OpenAIClient client;

    @BeforeAll
    static void connect(RunningServer running) throws Exception {
        server = running;
        String key = OpenAiFixtures.apiKey(new Http(running), "techcorp");
        client = client(key);
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    private static OpenAIClient client(String key) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(server.baseUrl() + "/v1")
                .apiKey(key)
                .maxRetries(0)
                .timeout(Duration.ofMinutes(2))
                .build();
    }

    @Test
    void aPlainChatCompletionAnswersAndIsRecorded() throws Exception {
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(TECHCORP)
                .addSystemMessage("You write for TechCorp.")
                .addUserMessage("Say hello to the team.")
                .maxCompletionTokens(MAX_TOKENS)
                .temperature(0.7)
                .seed(42)
                .build());

        assertThat(completion.id()).startsWith("chatcmpl-");
        assertThat(completion.model()).isEqualTo(TECHCORP);
        assertThat(completion.choices()).hasSize(1);
        ChatCompletion.Choice choice = completion.choices().getFirst();
        assertThat(choice.finishReason().asString()).isIn("stop", "length");
        assertThat(choice.message().content()).isPresent();
        var usage = completion.usage().orElseThrow();
        assertThat(usage.promptTokens()).isPositive();
        assertThat(usage.completionTokens()).isBetween(0L, MAX_TOKENS);
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());

        Map<String, Object> row = OpenAiFixtures.generation(server, completion.id());
        OpenAiFixtures.assertRecorded(row, "chat", "techcorp", "apikey:");
        assertThat(row.get("adapter_version")).isEqualTo("techcorp@v1");
        OpenAiFixtures.assertRawOutput(row, choice.message().content().get());
        assertThat((String) row.get("prompt")).contains("You write for TechCorp.").contains("<|im_start|>assistant");
        assertThat(((Number) row.get("completion_tokens")).longValue()).isEqualTo(usage.completionTokens());
    }

    @Test
    void aStreamedChatCompletionSendsDeltasThatJoinToTheRecordedTextAndReportsUsage() throws Exception {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder()
                        .model(TECHCORP)
                        .addUserMessage("Write a short update on the warehouse project.")
                        .maxCompletionTokens(MAX_TOKENS)
                        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                        .build())) {
            stream.stream().forEach(chunks::add);
        }

        assertThat(chunks).isNotEmpty();
        assertThat(chunks.getFirst().choices().getFirst().delta().role()).hasValueSatisfying(
                r -> assertThat(r.asString()).isEqualTo("assistant"));
        StringBuilder text = new StringBuilder();
        String finishReason = null;
        for (ChatCompletionChunk chunk : chunks) {
            assertThat(chunk.id()).isEqualTo(chunks.getFirst().id());
            for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                choice.delta().content().ifPresent(text::append);
                if (choice.finishReason().isPresent()) {
                    finishReason = choice.finishReason().get().asString();
                }
            }
        }
        assertThat(finishReason).isIn("stop", "length");
        var usage = chunks.getLast().usage().orElseThrow();
        assertThat(chunks.getLast().choices()).isEmpty();
        assertThat(usage.completionTokens()).isBetween(0L, MAX_TOKENS);
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());

        Map<String, Object> row = OpenAiFixtures.generation(server, chunks.getFirst().id());
        OpenAiFixtures.assertRecorded(row, "chat", "techcorp", "apikey:");
        OpenAiFixtures.assertRawOutput(row, text.toString());
    }

    @Test
    void aJsonObjectCompletionIsAnyJsonObject() throws Exception {
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(TECHCORP)
                .addUserMessage("Describe our office as a JSON object.")
                .maxCompletionTokens(48)
                .responseFormat(ResponseFormatJsonObject.builder().build())
                .build());

        String content = completion.choices().getFirst().message().content().orElseThrow();
        JsonNode json = Http.mapper().readTree(content);
        assertThat(json.isObject()).as(content).isTrue();
        assertThat(completion.usage().orElseThrow().completionTokens()).isPositive().isLessThanOrEqualTo(48);
        Map<String, Object> row = OpenAiFixtures.generation(server, completion.id());
        assertThat(Http.mapper().readTree((String) row.get("parsed_output_json"))).isEqualTo(Http.asStored(json));
    }

    @Test
    void aJsonSchemaCompletionAlwaysParsesAndValidates() throws Exception {
        var schema = ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                .putAdditionalProperty("type", JsonValue.from("object"))
                .putAdditionalProperty("properties", JsonValue.from(Map.of(
                        "headline", Map.of("type", "string", "maxLength", 30),
                        "priority", Map.of("type", "integer", "minimum", 1, "maximum", 5),
                        "urgent", Map.of("type", "boolean"))))
                .putAdditionalProperty("required", JsonValue.from(List.of("headline", "priority", "urgent")))
                .putAdditionalProperty("additionalProperties", JsonValue.from(false))
                .build();
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(TECHCORP)
                .addUserMessage("Classify this ticket: the printer is on fire.")
                .maxCompletionTokens(64)
                .responseFormat(ResponseFormatJsonSchema.builder()
                        .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                                .name("ticket").schema(schema).strict(true).build())
                        .build())
                .build());

        String content = completion.choices().getFirst().message().content().orElseThrow();
        JsonNode json = Http.mapper().readTree(content);
        assertThat(iterable(json.fieldNames())).containsExactlyInAnyOrder("headline", "priority", "urgent");
        assertThat(json.get("headline").isTextual()).isTrue();
        assertThat(json.get("headline").asText().length()).isLessThanOrEqualTo(30);
        assertThat(json.get("priority").isIntegralNumber()).isTrue();
        assertThat(json.get("priority").asInt()).isBetween(1, 5);
        assertThat(json.get("urgent").isBoolean()).isTrue();

        Map<String, Object> row = OpenAiFixtures.generation(server, completion.id());
        assertThat(Http.mapper().readTree((String) row.get("parsed_output_json"))).isEqualTo(Http.asStored(json));
    }

    @Test
    void aTextCompletionContinuesThePromptAndIsRecordedAsACompletion() throws Exception {
        Completion completion = client.completions().create(CompletionCreateParams.builder()
                .model(TECHCORP)
                .prompt("Our quarterly plan:")
                .maxTokens(MAX_TOKENS)
                .build());

        assertThat(completion.id()).startsWith("cmpl-");
        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.usage().orElseThrow().completionTokens()).isBetween(0L, MAX_TOKENS);
        Map<String, Object> row = OpenAiFixtures.generation(server, completion.id());
        OpenAiFixtures.assertRecorded(row, "completion", "techcorp", "apikey:");
        assertThat(row.get("prompt")).isEqualTo("Our quarterly plan:");
        OpenAiFixtures.assertRawOutput(row, completion.choices().getFirst().text());
    }

    @Test
    void theKeyListsItsOrganizationsModelAndTheBaseModel() {
        List<Model> models = client.models().list().data();

        assertThat(models).extracting(Model::id).containsExactly(TECHCORP, BASE_MODEL);
        assertThat(models).extracting(Model::ownedBy).containsExactly("techcorp", "orgllm");
        assertThat(models.getFirst().created()).isPositive();
        assertThat(client.models().retrieve(TECHCORP).id()).isEqualTo(TECHCORP);
    }

    @Test
    void theBaseModelRunsWithoutTheAdapter() throws Exception {
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(BASE_MODEL)
                .addUserMessage("Hello")
                .maxCompletionTokens(8)
                .build());

        assertThat(completion.model()).isEqualTo(BASE_MODEL);
        Map<String, Object> row = OpenAiFixtures.generation(server, completion.id());
        OpenAiFixtures.assertRecorded(row, "chat", "techcorp", "apikey:");
        assertThat(row.get("adapter_version")).isEqualTo("base");
    }

    @Test
    void aModelTheKeyCannotSeeIsTheClientsNotFoundError() throws Exception {
        OpenAiFixtures.organization(new Http(server), "globex-openai");
        for (String model : List.of("org-globex-openai", "org-nobody", "gpt-4o-mini")) {
            assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder()
                    .model(model).addUserMessage("Hi").maxCompletionTokens(4).build()))
                    .as(model)
                    .isInstanceOfSatisfying(NotFoundException.class, e -> {
                        assertThat(e.code()).contains("model_not_found");
                        assertThat(e.param()).contains("model");
                        assertThat(e.type()).contains("invalid_request_error");
                    });
        }
        assertThatThrownBy(() -> client.models().retrieve("org-globex-openai"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aWrongKeyIsTheClientsUnauthorizedError() {
        OpenAIClient stranger = client("ollm_not-a-real-key");
        try {
            assertThatThrownBy(() -> stranger.models().list())
                    .isInstanceOfSatisfying(UnauthorizedException.class,
                            e -> assertThat(e.code()).contains("invalid_api_key"));
        } finally {
            stranger.close();
        }
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
