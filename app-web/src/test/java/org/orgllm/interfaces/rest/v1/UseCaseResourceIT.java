package org.orgllm.interfaces.rest.v1;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgllm.it.DeployedApplication;
import org.orgllm.it.Http;
import org.orgllm.it.RunningServer;

/**
 * Every use case through the real stack with the demo model and the techcorp adapter: a typed result
 * that parses into its schema, and a generation row with timings; bad inputs change nothing.
 */
@ExtendWith(DeployedApplication.class)
class UseCaseResourceIT {

    private static final String ALICE = Http.basic("alice", "orgllm-alice");
    private static final String ADMIN = Http.basic("admin", "orgllm-admin");

    /** A small budget keeps the random-weight demo model quick; the JSON is still closed in time. */
    static final int MAX_TOKENS = 160;

    private static RunningServer server;
    private static Http http;

    @BeforeAll
    static void connect(RunningServer running) {
        server = running;
        http = new Http(running);
    }

    /** Each use case, a minimal request (the profile fills the rest) and its result's required fields. */
    record Case(String name, String body, List<String> fields, List<String> scores) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("analyze_document_content", """
                        {"organization_id": "techcorp", "content": "Q3 revenue grew 18%. Churn fell. We opened an EU office."}""",
                        List.of("summary", "key_insights", "organizational_alignment", "strategic_recommendations"),
                        List.of("organizational_alignment")),
                new Case("provide_strategic_recommendations", """
                        {"organization_id": "techcorp", "scenario": "A competitor cut prices by 15%.", "stakeholders": ["CFO", "Sales"]}""",
                        List.of("primary_recommendation", "alternative_options", "risk_assessment", "success_metrics", "timeline"),
                        List.of()),
                new Case("draft_internal_communication", """
                        {"organization_id": "techcorp", "communication_type": "team_announcement", "target_audience": "All staff",
                         "topic": "New travel policy", "key_messages": ["Book through the portal"]}""",
                        List.of("subject", "content", "tone_analysis", "brand_consistency", "suggested_improvements"),
                        List.of("brand_consistency")),
                new Case("analyze_competitive_landscape", """
                        {"organization_id": "techcorp", "competitor_action": "Globex launched a cheaper warehouse app."}""",
                        List.of("threat_assessment", "strategic_implications", "response_options", "recommended_actions",
                                "monitoring_priorities"),
                        List.of()),
                new Case("draft_customer_response", """
                        {"organization_id": "techcorp", "customer_message": "My delivery is two days late!", "issue_category": "delivery"}""",
                        List.of("draft_response", "tone_analysis", "brand_compliance", "escalation_needed", "suggested_actions"),
                        List.of("brand_compliance")),
                new Case("generate_document_summary", """
                        {"organization_id": "techcorp", "content": "The board approved the analytics launch for Q2.", "max_words": 50}""",
                        List.of("summary"), List.of()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void eachUseCaseReturnsASchemaValidResultAndRecordsTheGeneration(Case c) throws Exception {
        var reply = http.post("/api/v1/use-cases/" + c.name() + "?max_tokens=" + MAX_TOKENS, ALICE, c.body());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode result = reply.json();
        assertThat(iterable(result.fieldNames())).containsExactlyInAnyOrderElementsOf(c.fields());
        for (String score : c.scores()) {
            assertThat(result.get(score).isNumber()).as(score).isTrue();
            assertThat(result.get(score).asDouble()).as(score).isBetween(0.0, 1.0);
        }
        String id = reply.raw().headers().firstValue("X-Generation-Id").orElseThrow();
        try (Connection conn = server.database().connect();
             var s = conn.prepareStatement("SELECT * FROM generations WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("status")).isEqualTo("SUCCEEDED");
                assertThat(rs.getString("use_case")).isEqualTo(c.name());
                assertThat(rs.getString("organization_id")).isEqualTo("techcorp");
                assertThat(rs.getString("requested_by")).isEqualTo("alice");
                assertThat(rs.getString("template_version")).isEqualTo(c.name() + "/v1");
                assertThat(rs.getString("adapter_version")).isEqualTo("techcorp@v1");
                assertThat(rs.getString("base_model")).isEqualTo("orgllm-demo");
                assertThat(rs.getString("prompt")).contains("TechCorp").contains("<|im_start|>assistant");
                assertThat(rs.getInt("prompt_tokens")).isPositive();
                assertThat(rs.getInt("completion_tokens")).isPositive();
                assertThat(rs.getLong("total_ms")).isPositive();
                assertThat(rs.getObject("time_to_first_token_ms")).isNotNull();
                assertThat(rs.getObject("queue_ms")).isNotNull();
                assertThat(Http.mapper().readTree(rs.getString("parsed_output_json"))).isEqualTo(Http.asStored(result));
                // the profile filled what the request left out
                assertThat(rs.getString("request_json")).contains("TechCorp");
            }
        }
    }

    @Test
    void aStreamedCallSendsDeltasThenTheResult() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(server.uri("/api/v1/use-cases/generate_document_summary?max_tokens=" + MAX_TOKENS))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", ALICE)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"organization_id\": \"techcorp\", \"content\": \"Sales grew in every region.\"}"))
                .build();
        HttpResponse<java.util.stream.Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = new ArrayList<>();
        StringBuilder deltas = new StringBuilder();
        String[] current = new String[1];
        String[] result = new String[1];
        response.body().forEach(line -> {
            if (line.startsWith("event:")) {
                current[0] = line.substring(6).trim();
                events.add(current[0]);
            } else if (line.startsWith("data:")) {
                String data = line.substring(5).trim();
                try {
                    if ("delta".equals(current[0])) {
                        deltas.append(Http.mapper().readTree(data).get("text").asText());
                    } else if ("result".equals(current[0])) {
                        result[0] = data;
                    }
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }
        });
        assertThat(events).contains("delta").endsWith("result");
        assertThat(Http.mapper().readTree(result[0]).get("summary").isTextual()).isTrue();
        // the streamed text is the raw JSON the result was parsed from
        assertThat(Http.mapper().readTree(deltas.toString())).isEqualTo(Http.mapper().readTree(result[0]));
    }

    @Test
    void badInputsGetTheRight4xxAndChangeNothing() throws Exception {
        long before = count("generations");

        var missing = http.post("/api/v1/use-cases/analyze_document_content?max_tokens=" + MAX_TOKENS, ALICE, "{\"organization_id\": \"techcorp\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsText("field")).contains("content");

        String huge = "x".repeat(200_001);
        var tooLarge = http.post("/api/v1/use-cases/analyze_document_content?max_tokens=" + MAX_TOKENS, ALICE,
                "{\"organization_id\": \"techcorp\", \"content\": \"" + huge + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");

        var unknown = http.post("/api/v1/use-cases/generate_document_summary?max_tokens=" + MAX_TOKENS, ALICE,
                "{\"organization_id\": \"no-such-org\", \"content\": \"x\"}");
        assertThat(unknown.status()).isEqualTo(404);

        var malformed = http.post("/api/v1/use-cases/generate_document_summary?max_tokens=" + MAX_TOKENS, ALICE,
                "{\"organization_id\": \"../etc\", \"content\": \"x\"}");
        assertThat(malformed.status()).isEqualTo(400);

        var noKey = http.post("/api/v1/use-cases/generate_document_summary?max_tokens=" + MAX_TOKENS, null,
                "{\"organization_id\": \"techcorp\", \"content\": \"x\"}");
        assertThat(noKey.status()).isEqualTo(401);

        var badJson = http.post("/api/v1/use-cases/generate_document_summary?max_tokens=" + MAX_TOKENS, ALICE, "{not json");
        assertThat(badJson.status()).isEqualTo(400);

        assertThat(count("generations")).isEqualTo(before);
    }

    @Test
    void anApiKeyReachesOnlyItsOwnOrganization() throws Exception {
        http.post("/api/v1/organizations", ADMIN, "{\"id\": \"umbrella\", \"name\": \"Umbrella\"}");
        var created = http.post("/api/v1/organizations/umbrella/api-keys", ADMIN, "{\"name\": \"ci\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().get("key").asText();
        assertThat(key).startsWith("ollm_");
        String bearer = "Bearer " + key;
        long before = count("generations");

        var own = http.post("/api/v1/use-cases/generate_document_summary?max_tokens=" + MAX_TOKENS, bearer,
                "{\"organization_id\": \"umbrella\", \"content\": \"Umbrella makes rain gear.\"}");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(count("generations")).isEqualTo(before + 1);

        var other = http.post("/api/v1/use-cases/generate_document_summary?max_tokens=" + MAX_TOKENS, bearer,
                "{\"organization_id\": \"techcorp\", \"content\": \"x\"}");
        assertThat(other.status()).isEqualTo(404);
        var otherHistory = http.get("/api/v1/generations?organization_id=techcorp", bearer);
        assertThat(otherHistory.status()).isEqualTo(404);
        assertThat(count("generations")).isEqualTo(before + 1);

        // the key is stored hashed, never as itself
        try (Connection c = server.database().connect(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT secret_hash FROM api_keys WHERE organization_id = 'umbrella'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).doesNotContain(key).hasSize(64);
        }

        long keyId = created.json().get("id").asLong();
        assertThat(http.delete("/api/v1/organizations/umbrella/api-keys/" + keyId, ADMIN).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/generations?organization_id=umbrella", bearer).status()).isEqualTo(401);
    }

    @Test
    void generationsArePagedAndFilteredForTheCallersOrganization() throws Exception {
        http.post("/api/v1/use-cases/generate_document_summary?max_tokens=" + MAX_TOKENS, ALICE,
                "{\"organization_id\": \"techcorp\", \"content\": \"One more document.\"}");
        var page = http.get("/api/v1/generations?organization_id=techcorp&use_case=generate_document_summary&size=1", ALICE);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(1);
        assertThat(page.json().get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(page.json().get("items").get(0).get("use_case").asText()).isEqualTo("generate_document_summary");
        String id = page.json().get("items").get(0).get("id").asText();
        assertThat(http.get("/api/v1/generations/" + id, ALICE).json().get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void theEnginesHooksAreExportedAsMetricsLabelledByAdapter() throws Exception {
        for (int i = 0; i < 2; i++) {
            var reply = http.post("/api/v1/use-cases/generate_document_summary?max_tokens=" + MAX_TOKENS, ALICE,
                    "{\"organization_id\": \"techcorp\", \"content\": \"Metrics should count this.\"}");
            assertThat(reply.status()).isEqualTo(200);
        }

        String metrics = http.getAny("/metrics").body();

        assertThat(metrics).containsPattern("orgllm_tokens_generated_total\\{[^}]*adapter=\"techcorp@v1\"[^}]*\\} [1-9]");
        assertThat(metrics).contains("orgllm_time_to_first_token").contains("orgllm_queue_depth")
                .contains("orgllm_adapter_cache_hits_total");
    }

    static long count(String table) throws Exception {
        try (Connection c = server.database().connect(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
