package org.orgllm.interfaces.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.orgllm.it.Http;
import org.orgllm.it.RunningServer;

/** What the OpenAI-compatible API tests set up and look up: API keys, organizations, generation rows. */
final class OpenAiFixtures {

    static final String ADMIN = Http.basic("admin", "orgllm-admin");
    static final String ALICE = Http.basic("alice", "orgllm-alice");

    /** The demo model's name and its organization's model name, as the demo deployment serves them. */
    static final String BASE_MODEL = "orgllm-demo";
    static final String TECHCORP = "org-techcorp";

    private OpenAiFixtures() {
    }

    /** A fresh API key of {@code organization}, created by the admin. */
    static String apiKey(Http http, String organization) throws Exception {
        var created = http.post("/api/v1/organizations/" + organization + "/api-keys", ADMIN,
                "{\"name\": \"openai-it-" + UUID.randomUUID().toString().substring(0, 8) + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asText();
    }

    /** Creates the organization unless another test did already. */
    static void organization(Http http, String id) throws Exception {
        var created = http.post("/api/v1/organizations", ADMIN, "{\"id\": \"" + id + "\", \"name\": \"" + id + "\"}");
        assertThat(created.status()).as(created.body()).isIn(201, 409);
    }

    /** The generation row behind an OpenAI answer id ({@code chatcmpl-<uuid>} or {@code cmpl-<uuid>}). */
    static Map<String, Object> generation(RunningServer server, String answerId) throws Exception {
        UUID id = UUID.fromString(answerId.substring(answerId.indexOf('-') + 1));
        try (Connection c = server.database().connect();
             var s = c.prepareStatement("SELECT * FROM generations WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("a generation row for " + answerId).isTrue();
                Map<String, Object> row = new HashMap<>();
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.put(meta.getColumnName(i), value == null ? null : value instanceof Number ? value : value.toString());
                }
                return row;
            }
        }
    }

    /**
     * Checks that the record kept the text the client was served. PostgreSQL text cannot hold U+0000,
     * which a model can emit (byte-level BPE has a token for byte 0), so the record keeps it as U+FFFD.
     */
    static void assertRawOutput(Map<String, Object> row, String served) {
        assertThat(row.get("raw_output")).isEqualTo(served.replace('\u0000', '\uFFFD'));
    }

    /** Checks the usual facts of a successful call's record. */
    static void assertRecorded(Map<String, Object> row, String useCase, String organization, String requestedBy) {
        assertThat(row.get("status")).isEqualTo("SUCCEEDED");
        assertThat(row.get("channel")).isEqualTo("openai");
        assertThat(row.get("use_case")).isEqualTo(useCase);
        assertThat(row.get("organization_id")).isEqualTo(organization);
        assertThat((String) row.get("requested_by")).startsWith(requestedBy);
        assertThat(row.get("base_model")).isEqualTo(BASE_MODEL);
        assertThat(((Number) row.get("prompt_tokens")).intValue()).isPositive();
        assertThat(row.get("completion_tokens")).isNotNull();
        assertThat(((Number) row.get("total_ms")).longValue()).isPositive();
        assertThat(row.get("time_to_first_token_ms")).isNotNull();
        assertThat(row.get("queue_ms")).isNotNull();
        assertThat(row.get("finish_reason")).isIn("stop", "length");
    }
}
