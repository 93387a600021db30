package org.orgllm.interfaces.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orgllm.it.DeployedApplication;
import org.orgllm.it.Http;
import org.orgllm.it.RunningServer;

/** MicroProfile Health, Metrics and OpenAPI as a deployment sees them. */
@ExtendWith(DeployedApplication.class)
class OperationsEndpointsIT {

    @Test
    void readinessReportsTheDatabaseAndTheModelUp(RunningServer server) throws Exception {
        var reply = new Http(server).get("/health/ready", null);

        JsonNode checks = reply.json().get("checks");
        assertThat(check(checks, "database").get("status").asText()).isEqualTo("UP");
        assertThat(check(checks, "database").get("data").get("schema_version").asText()).isNotEqualTo("none");
        assertThat(check(checks, "model").get("status").asText()).as(reply.body()).isEqualTo("UP");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(new Http(server).get("/health", null).json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void metricsAndOpenApiAreServed(RunningServer server) throws Exception {
        var metrics = new Http(server).getAny("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE");

        var openapi = new Http(server).getAny("/openapi");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/organizations")
                .contains("/v1/chat/completions").contains("/v1/completions").contains("/v1/models");
    }

    private static JsonNode check(JsonNode checks, String name) {
        for (JsonNode c : checks) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no health check named " + name + " in " + checks);
    }
}
