package org.orgllm.interfaces.rest.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orgllm.it.DeployedApplication;
import org.orgllm.it.Http;
import org.orgllm.it.RunningServer;

/** Organizations through the real stack: JAX-RS → EJB → Hibernate → PostgreSQL, and back. */
@ExtendWith(DeployedApplication.class)
class OrganizationResourceIT {

    private static final String ADMIN = Http.basic("admin", "orgllm-admin");
    private static final String ALICE = Http.basic("alice", "orgllm-alice");

    private static RunningServer server;
    private static Http http;

    @BeforeAll
    static void connect(RunningServer running) {
        server = running;
        http = new Http(running);
    }

    @Test
    void adminCreatesAnOrganizationThatIsStoredInPostgresAndReadBack() throws Exception {
        String body = """
                {"id": "initech", "name": "Initech", "organizational_values": ["Quality", "Candor"],
                 "strategic_goals": ["Double EU revenue"], "risk_profile": "Low",
                 "strengths": ["TPS reports"], "communication_style": "Plain", "brand_voice": "Dry but kind"}
                """;
        var created = http.post("/api/v1/organizations", ADMIN, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/organizations/initech"));

        try (Connection c = server.database().connect();
             var s = c.prepareStatement("SELECT name, organizational_values, brand_voice FROM organizations WHERE id = ?")) {
            s.setString(1, "initech");
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("name")).isEqualTo("Initech");
                Array values = rs.getArray("organizational_values");
                assertThat(List.of((String[]) values.getArray())).containsExactly("Quality", "Candor");
                assertThat(rs.getString("brand_voice")).isEqualTo("Dry but kind");
            }
        }

        var read = http.get("/api/v1/organizations/initech", ADMIN);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("name").asText()).isEqualTo("Initech");
        assertThat(read.json().get("organizational_values")).hasSize(2);
        assertThat(read.json().get("strategic_goals").get(0).asText()).isEqualTo("Double EU revenue");
        assertThat(read.json().get("communication_style").asText()).isEqualTo("Plain");
    }

    @Test
    void anInvalidSlugIsABadRequestWithAProblemBodyAndStoresNothing() throws Exception {
        long before = countOrganizations();

        var reply = http.post("/api/v1/organizations", ADMIN, "{\"id\": \"../etc\", \"name\": \"Evil\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("id");
        assertThat(reply.json().get("detail").asText()).contains("id");
        assertThat(countOrganizations()).isEqualTo(before);
    }

    @Test
    void anInvalidSlugInThePathIsABadRequest() throws Exception {
        var reply = http.get("/api/v1/organizations/Not_A_Slug", ADMIN);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asText()).contains("invalid organization id");
    }

    @Test
    void missingRequiredFieldsAreNamed() throws Exception {
        var reply = http.post("/api/v1/organizations", ADMIN, "{\"id\": \"no-name-org\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").findValuesAsText("field")).contains("name");
    }

    @Test
    void callsWithoutCredentialsAreUnauthorized() throws Exception {
        var reply = http.get("/api/v1/organizations", null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");

        var wrong = http.get("/api/v1/organizations", Http.basic("admin", "wrong-password"));
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void aMemberSeesOnlyTheirOrganizationsAndCannotCreateOne() throws Exception {
        http.post("/api/v1/organizations", ADMIN, "{\"id\": \"globex\", \"name\": \"Globex\"}");

        var own = http.get("/api/v1/organizations/techcorp", ALICE);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("name").asText()).isEqualTo("TechCorp");

        var other = http.get("/api/v1/organizations/globex", ALICE);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).startsWith("application/problem+json");

        var list = http.get("/api/v1/organizations", ALICE);
        assertThat(list.json().findValuesAsText("id")).containsExactly("techcorp");

        var create = http.post("/api/v1/organizations", ALICE, "{\"id\": \"alice-co\", \"name\": \"Alice Co\"}");
        assertThat(create.status()).isEqualTo(403);
    }

    private static long countOrganizations() throws Exception {
        try (Connection c = server.database().connect(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM organizations")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
