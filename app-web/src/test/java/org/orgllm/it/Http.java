package org.orgllm.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the integration tests: JSON in, status + JSON out. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Http(RunningServer server) {
        this.server = server;
    }

    /** A response: status, content type and the body parsed as JSON when it is JSON. */
    public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Reply get(String path, String authorization) throws IOException, InterruptedException {
        return send(builder(path, authorization).GET().build());
    }

    /** A GET that accepts any media type (e.g. Prometheus text, OpenAPI YAML). */
    public Reply getAny(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    public Reply post(String path, String authorization, String json) throws IOException, InterruptedException {
        return send(builder(path, authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Reply put(String path, String authorization, String json) throws IOException, InterruptedException {
        return send(builder(path, authorization).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Reply delete(String path, String authorization) throws IOException, InterruptedException {
        return send(builder(path, authorization).DELETE().build());
    }

    private HttpRequest.Builder builder(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofMinutes(5))
                .header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response);
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    /**
     * {@code json} as a generation record keeps it: PostgreSQL cannot hold U+0000, which a random model
     * can put in a string, so records keep it as U+FFFD.
     */
    public static JsonNode asStored(JsonNode json) throws IOException {
        return JSON.readTree(JSON.writeValueAsString(json).replace("\\u0000", "\\uFFFD"));
    }
}
