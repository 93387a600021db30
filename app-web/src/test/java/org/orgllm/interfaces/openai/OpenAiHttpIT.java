package org.orgllm.interfaces.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orgllm.interfaces.openai.OpenAiFixtures.ADMIN;
import static org.orgllm.interfaces.openai.OpenAiFixtures.ALICE;
import static org.orgllm.interfaces.openai.OpenAiFixtures.BASE_MODEL;
import static org.orgllm.interfaces.openai.OpenAiFixtures.TECHCORP;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgllm.it.DeployedApplication;
import org.orgllm.it.Http;
import org.orgllm.it.RunningServer;

/**
 * The wire format of {@code /v1} as plain HTTP: OpenAI's error body for every failure (including the
 * authentication mechanism's 401 and unparsable JSON), unsupported parameters named in a 400, the
 * event stream's exact shape, who may use which model, and a full queue answered with 429.
 */
@ExtendWith(DeployedApplication.class)
class OpenAiHttpIT {

    private static RunningServer server;
    private static Http http;
    private static String bearer;

    @BeforeAll
    static void connect(RunningServer running) throws Exception {
        server = running;
        http = new Http(running);
        bearer = "Bearer " + OpenAiFixtures.apiKey(http, "techcorp");
    }

    private static String chat(String extra) {
        return "{\"model\": \"" + TECHCORP + "\", \"max_tokens\": 8, \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]"
                + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    private static void assertError(Http.Reply reply, int status, String param, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode error = reply.json().get("error");
        assertThat(error).as(reply.body()).isNotNull();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("type").asText()).isNotBlank();
        assertThat(error.has("param")).isTrue();
        assertThat(error.has("code")).isTrue();
        if (param != null) {
            assertThat(error.get("param").asText()).isEqualTo(param);
        }
        if (code != null) {
            assertThat(error.get("code").asText()).isEqualTo(code);
        }
    }

    @Test
    void noKeyOrABadKeyIsA401InOpenAisErrorFormat() throws Exception {
        assertError(http.get("/v1/models", null), 401, null, "invalid_api_key");
        assertError(http.post("/v1/chat/completions", null, chat("")), 401, null, "invalid_api_key");
        assertError(http.get("/v1/models", "Bearer ollm_nope"), 401, null, "invalid_api_key");
        assertThat(http.get("/v1/models", null).raw().headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void malformedJsonIsA400InOpenAisErrorFormat() throws Exception {
        assertError(http.post("/v1/chat/completions", bearer, "{\"model\": "), 400, null, null);
        assertError(http.post("/v1/chat/completions", bearer, "{\"model\": \"org-techcorp\", \"messages\": \"hi\"}"),
                400, null, null);
        assertError(http.post("/v1/chat/completions", bearer, "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}"),
                400, "model", null);
        assertError(http.post("/v1/chat/completions", bearer, chat("\"temperature\": 3")), 400, "temperature", null);
    }

    static Stream<Arguments> unsupportedParameters() {
        return Stream.of(
                Arguments.of("\"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"f\"}}]", "tools"),
                Arguments.of("\"tool_choice\": \"auto\"", "tool_choice"),
                Arguments.of("\"logit_bias\": {\"50\": -100}", "logit_bias"),
                Arguments.of("\"audio\": {\"voice\": \"alloy\", \"format\": \"wav\"}", "audio"),
                Arguments.of("\"modalities\": [\"text\", \"audio\"]", "modalities"),
                Arguments.of("\"logprobs\": true", "logprobs"),
                Arguments.of("\"n\": 2", "n"),
                Arguments.of("\"response_format\": {\"type\": \"grammar\"}", "response_format.type"));
    }

    @ParameterizedTest
    @MethodSource("unsupportedParameters")
    void anUnsupportedParameterIsA400NamingIt(String parameter, String name) throws Exception {
        assertError(http.post("/v1/chat/completions", bearer, chat(parameter)), 400, name, null);
    }

    @Test
    void imagePartsAndToolMessagesAreA400NamingThem() throws Exception {
        String image = "{\"model\": \"org-techcorp\", \"messages\": [{\"role\": \"user\", \"content\": ["
                + "{\"type\": \"text\", \"text\": \"What is this?\"},"
                + "{\"type\": \"image_url\", \"image_url\": {\"url\": \"data:image/png;base64,AAAA\"}}]}]}";
        assertError(http.post("/v1/chat/completions", bearer, image), 400, "messages[0].content[1].type", null);
        String tool = "{\"model\": \"org-techcorp\", \"messages\": [{\"role\": \"tool\", \"content\": \"42\", \"tool_call_id\": \"c1\"}]}";
        assertError(http.post("/v1/chat/completions", bearer, tool), 400, null, null);
    }

    @Test
    void defaultsClientsSendAndTextPartsAreAccepted() throws Exception {
        String body = "{\"model\": \"org-techcorp\", \"max_completion_tokens\": 8, \"user\": \"u-1\", \"store\": false,"
                + " \"metadata\": {}, \"parallel_tool_calls\": null, \"tools\": null, \"logit_bias\": null, \"n\": 1,"
                + " \"stream\": false, \"stream_options\": null, \"stop\": [\"\\n\\n\", \"END\"], \"seed\": 3,"
                + " \"frequency_penalty\": 0.1, \"presence_penalty\": 0.1, \"top_p\": 0.9, \"temperature\": 0.8,"
                + " \"response_format\": {\"type\": \"text\"},"
                + " \"messages\": [{\"role\": \"developer\", \"content\": \"Be brief.\"},"
                + " {\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"Hello \"}, {\"type\": \"text\", \"text\": \"there\"}]}]}";
        var reply = http.post("/v1/chat/completions", bearer, body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(json.get("object").asText()).isEqualTo("chat.completion");
        assertThat(json.get("choices").get(0).get("message").get("role").asText()).isEqualTo("assistant");
        assertThat(json.get("choices").get(0).has("logprobs")).isTrue();
        var row = OpenAiFixtures.generation(server, json.get("id").asText());
        assertThat((String) row.get("prompt")).contains("Be brief.").contains("Hello there");
        JsonNode sampling = Http.mapper().readTree((String) row.get("sampling_json"));
        assertThat(sampling.get("seed").asLong()).isEqualTo(3);
        assertThat(sampling.get("stop").get(0).asText()).isEqualTo("\n\n");
        assertThat(sampling.get("stop").get(1).asText()).isEqualTo("END");
        assertThat(reply.raw().headers().firstValue("X-Generation-Id")).isPresent();
    }

    @Test
    void aStreamHasOpenAisChunkShapeAndEndsWithDone() throws Exception {
        List<String> events = stream("/v1/chat/completions", bearer,
                chat("\"stream\": true, \"stream_options\": {\"include_usage\": true}"));

        assertThat(events.getLast()).isEqualTo("[DONE]");
        List<JsonNode> chunks = new ArrayList<>();
        for (String e : events.subList(0, events.size() - 1)) {
            chunks.add(Http.mapper().readTree(e));
        }
        assertThat(chunks).allSatisfy(c -> assertThat(c.get("object").asText()).isEqualTo("chat.completion.chunk"));
        assertThat(chunks.getFirst().get("choices").get(0).get("delta").get("role").asText()).isEqualTo("assistant");
        JsonNode usageChunk = chunks.getLast();
        assertThat(usageChunk.get("choices")).isEmpty();
        assertThat(usageChunk.get("usage").get("total_tokens").asInt()).isPositive();
        JsonNode finish = chunks.get(chunks.size() - 2).get("choices").get(0);
        assertThat(finish.get("finish_reason").asText()).isIn("stop", "length");
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> c.path("choices").forEach(ch -> {
            JsonNode content = ch.path("delta").path("content");
            if (content.isTextual()) {
                text.append(content.asText());
            }
        }));
        var row = OpenAiFixtures.generation(server, chunks.getFirst().get("id").asText());
        OpenAiFixtures.assertRawOutput(row, text.toString());
        assertThat(((Number) row.get("completion_tokens")).intValue())
                .isEqualTo(usageChunk.get("usage").get("completion_tokens").asInt());
    }

    @Test
    void aClientThatGoesAwayCancelsTheGeneration() throws Exception {
        String body = "{\"model\": \"org-techcorp\", \"max_tokens\": 4000, \"stream\": true,"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"Write at length.\"}],"
                + " \"response_format\": {\"type\": \"json_schema\", \"json_schema\": {\"name\": \"long\","
                + " \"schema\": {\"type\": \"string\", \"minLength\": 3000, \"maxLength\": 4000}}}}";
        byte[] payload = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String id;
        // A raw socket that is really closed after the first event: a pooled HTTP client may keep the
        // connection open and drain it, which the server cannot tell from a reader.
        try (var socket = new java.net.Socket("127.0.0.1", server.uri("/").getPort())) {
            var out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + payload.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            var lines = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            String line = lines.readLine();
            assertThat(line).contains("200");
            while (line != null && !line.startsWith("data: ")) {
                line = lines.readLine();
            }
            assertThat(line).isNotNull();
            id = Http.mapper().readTree(line.substring("data: ".length())).get("id").asText();
            socket.setSoLinger(true, 0);
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Object status = OpenAiFixtures.generation(server, id).get("status");
        while (!"CANCELLED".equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = OpenAiFixtures.generation(server, id).get("status");
        }
        assertThat(status).isEqualTo("CANCELLED");
        assertThat(((Number) OpenAiFixtures.generation(server, id).get("completion_tokens")).intValue()).isLessThan(4000);
    }

    @Test
    void aStreamedTextCompletionIsRecordedAsACompletion() throws Exception {
        List<String> events = stream("/v1/completions", bearer,
                "{\"model\": \"org-techcorp\", \"prompt\": \"Once upon a time\", \"max_tokens\": 8, \"stream\": true}");

        assertThat(events.getLast()).isEqualTo("[DONE]");
        JsonNode first = Http.mapper().readTree(events.getFirst());
        assertThat(first.get("object").asText()).isEqualTo("text_completion");
        var row = OpenAiFixtures.generation(server, first.get("id").asText());
        OpenAiFixtures.assertRecorded(row, "completion", "techcorp", "apikey:");
        assertThat(row.get("prompt")).isEqualTo("Once upon a time");
    }

    @Test
    void aPortalUserUsesTheirOrganizationsModelsAndAnAdminOnlyOrganizationModels() throws Exception {
        var models = http.get("/v1/models", ALICE);
        assertThat(models.status()).isEqualTo(200);
        assertThat(models.json().get("object").asText()).isEqualTo("list");
        assertThat(models.json().get("data").findValuesAsText("id")).containsExactly(TECHCORP, BASE_MODEL);

        var reply = http.post("/v1/chat/completions", ALICE, chat(""));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        OpenAiFixtures.assertRecorded(OpenAiFixtures.generation(server, reply.json().get("id").asText()), "chat",
                "techcorp", "alice");

        // the admin reaches every organization, so the base model would not say whose call it is
        assertThat(http.get("/v1/models", ADMIN).json().get("data").findValuesAsText("id"))
                .contains(TECHCORP).doesNotContain(BASE_MODEL);
        assertError(http.post("/v1/chat/completions", ADMIN, chat("").replace(TECHCORP, BASE_MODEL)), 404, "model",
                "model_not_found");
    }

    @Test
    void anotherOrganizationsKeyCannotUseTechcorpsModel() throws Exception {
        OpenAiFixtures.organization(http, "globex-openai");
        String other = "Bearer " + OpenAiFixtures.apiKey(http, "globex-openai");

        assertError(http.post("/v1/chat/completions", other, chat("")), 404, "model", "model_not_found");
        assertThat(http.get("/v1/models", other).json().get("data").findValuesAsText("id"))
                .containsExactly("org-globex-openai", BASE_MODEL);
        // globex has no adapter yet: its model is the plain base model
        var reply = http.post("/v1/chat/completions", other, chat("").replace(TECHCORP, "org-globex-openai"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(OpenAiFixtures.generation(server, reply.json().get("id").asText()).get("adapter_version")).isEqualTo("base");
    }

    @Test
    void aPromptLargerThanTheContextIsA413() throws Exception {
        StringBuilder words = new StringBuilder();
        for (int i = 0; words.length() < 120_000; i++) {
            words.append("word").append(i).append(' ');
        }
        assertError(http.post("/v1/chat/completions", bearer, chat("").replace("\"Hi\"", "\"" + words + "\"")), 413,
                null, "context_length_exceeded");
    }

    @Test
    void unknownUrlsAre404InOpenAisErrorFormat() throws Exception {
        assertError(http.post("/v1/embeddings", bearer, "{\"model\": \"org-techcorp\", \"input\": \"x\"}"), 404, null,
                "unknown_url");
    }

    /**
     * Floods the engine with more concurrent streams than it admits (64 by default). The answers are
     * long enough — a JSON string of at least 24 characters, so no early end of sequence — to keep
     * the queue full while the rest arrive: some calls must be refused with 429 and
     * {@code Retry-After}, every other one must stream to {@code [DONE]}, and each leaves a generation row.
     */
    @Test
    void aFullQueueIsA429WithRetryAfterAndTheOtherCallsSucceed() throws Exception {
        String marker = "flood-" + UUID.randomUUID();
        String body = "{\"model\": \"org-techcorp\", \"max_tokens\": 32, \"stream\": true, \"user\": \"" + marker + "\","
                + " \"messages\": [{\"role\": \"user\", \"content\": \"Write at length.\"}],"
                + " \"response_format\": {\"type\": \"json_schema\", \"json_schema\": {\"name\": \"long\","
                + " \"schema\": {\"type\": \"string\", \"minLength\": 24}}}}";
        int calls = 90;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()).build();
        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            replies.add(client.sendAsync(HttpRequest.newBuilder(server.uri("/v1/chat/completions"))
                    .timeout(Duration.ofMinutes(10))
                    .header("Authorization", bearer)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int ok = 0;
        int refused = 0;
        for (var future : replies) {
            HttpResponse<String> reply = future.get();
            if (reply.statusCode() == 429) {
                refused++;
                assertThat(reply.headers().firstValue("Retry-After")).hasValueSatisfying(
                        v -> assertThat(Long.parseLong(v)).isPositive());
                assertThat(Http.mapper().readTree(reply.body()).get("error").get("code").asText())
                        .isEqualTo("rate_limit_exceeded");
            } else {
                assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
                assertThat(reply.body().strip()).endsWith("data: [DONE]");
                ok++;
            }
        }
        assertThat(refused).as("calls refused with 429").isPositive();
        assertThat(ok).as("calls served").isPositive();
        try (Connection c = server.database().connect();
             var s = c.prepareStatement("SELECT status, error_type, count(*) FROM generations"
                     + " WHERE request_json ->> 'user' = ? GROUP BY status, error_type")) {
            s.setString(1, marker);
            int rows = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows += rs.getInt(3);
                    if (rs.getString(1).equals("FAILED")) {
                        assertThat(rs.getString(2)).isEqualTo("OverloadedException");
                        assertThat(rs.getInt(3)).isEqualTo(refused);
                    } else {
                        assertThat(rs.getString(1)).isEqualTo("SUCCEEDED");
                        assertThat(rs.getInt(3)).isEqualTo(ok);
                    }
                }
            }
            assertThat(rows).isEqualTo(calls);
        }
    }

    /** The {@code data:} payloads of a server-sent event stream, in order. */
    private static List<String> stream(String path, String authorization, String body) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri(path))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/event-stream"));
        List<String> data = new ArrayList<>();
        response.body().forEach(line -> {
            if (line.startsWith("data: ")) {
                data.add(line.substring(6));
            }
        });
        return data;
    }
}
