package org.orgllm.interfaces.rest.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orgllm.it.DeployedApplication;
import org.orgllm.it.Http;
import org.orgllm.it.RunningServer;

/** Knowledge documents and grounded answers: references are exactly what was retrieved, per organization. */
@ExtendWith(DeployedApplication.class)
class KnowledgeIT {

    private static final String ALICE = Http.basic("alice", "orgllm-alice");
    private static final String ADMIN = Http.basic("admin", "orgllm-admin");

    private static Http http;

    @BeforeAll
    static void documents(RunningServer server) throws Exception {
        http = new Http(server);
        add("techcorp", ALICE, "Travel policy", "Employees book flights through the travel portal. "
                + "Economy class for flights under six hours; business class above.\n\nHotels up to 180 EUR a night.");
        add("techcorp", ALICE, "Security policy", "Laptops use full-disk encryption. Passwords have 14 characters.");
        http.post("/api/v1/organizations", ADMIN, "{\"id\": \"kb-other\", \"name\": \"Other\"}");
        add("kb-other", ADMIN, "Other travel rules", "Flights are always first class at Other. Travel portal unused.");
    }

    @Test
    void documentsAreListedWithTheirChunksAndOnlyForTheirOrganization() throws Exception {
        var list = http.get("/api/v1/organizations/techcorp/knowledge-documents", ALICE);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("title")).contains("Travel policy", "Security policy")
                .doesNotContain("Other travel rules");
        assertThat(list.json().get(0).get("chunks").asInt()).isPositive();
        assertThat(http.get("/api/v1/organizations/kb-other/knowledge-documents", ALICE).status()).isEqualTo(404);
    }

    @Test
    void anAnswerCitesExactlyTheRetrievedChunksOfItsOwnOrganization() throws Exception {
        var reply = http.post("/api/v1/use-cases/answer_organizational_query?max_tokens=" + UseCaseResourceIT.MAX_TOKENS, ALICE,
                "{\"organization_id\": \"techcorp\", \"question\": \"Which class do I book for flights?\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode answer = reply.json();
        List<String> refs = new ArrayList<>();
        answer.get("source_references").forEach(r -> refs.add(r.asText()));
        assertThat(refs).isNotEmpty().allMatch(r -> r.startsWith("Travel policy#"));
        assertThat(answer.get("confidence_score").asDouble()).isBetween(0.0, 1.0);
        assertThat(answer.get("answer").isTextual()).isTrue();
        // the generation's prompt carried exactly those passages
        String id = reply.raw().headers().firstValue("X-Generation-Id").orElseThrow();
        String prompt = http.get("/api/v1/generations/" + id, ALICE).json().get("prompt").asText();
        for (String ref : refs) {
            assertThat(prompt).contains("[" + ref + "]");
        }
        assertThat(prompt).doesNotContain("Other travel rules").doesNotContain("first class");
    }

    @Test
    void withNothingRelevantTheAnswerSaysSoWithLowConfidence() throws Exception {
        var reply = http.post("/api/v1/use-cases/answer_organizational_query?max_tokens=" + UseCaseResourceIT.MAX_TOKENS, ALICE,
                "{\"organization_id\": \"techcorp\", \"question\": \"Quantum chromodynamics lattice gauge?\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("source_references")).isEmpty();
        assertThat(reply.json().get("confidence_score").asDouble()).isLessThan(0.2);
        assertThat(reply.json().get("answer").asText()).contains("found nothing");
    }

    @Test
    void aDeletedDocumentIsNoLongerRetrieved() throws Exception {
        var created = add("techcorp", ALICE, "Parking rules", "Visitors park on level minus two near the lifts.");
        String id = created.get("id").asText();
        assertThat(http.delete("/api/v1/organizations/techcorp/knowledge-documents/" + id, ALICE).status()).isEqualTo(204);

        var reply = http.post("/api/v1/use-cases/answer_organizational_query?max_tokens=" + UseCaseResourceIT.MAX_TOKENS, ALICE,
                "{\"organization_id\": \"techcorp\", \"question\": \"Where do visitors park?\"}");
        reply.json().get("source_references").forEach(r -> assertThat(r.asText()).doesNotStartWith("Parking rules"));
    }

    private static JsonNode add(String org, String auth, String title, String content) throws Exception {
        var reply = http.post("/api/v1/organizations/" + org + "/knowledge-documents", auth,
                Http.mapper().writeValueAsString(java.util.Map.of("title", title, "content", content)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }
}
