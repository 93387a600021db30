package org.orgllm.inference.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orgllm.inference.structured.UseCaseRecords.CustomerResponse;
import org.orgllm.inference.structured.UseCaseRecords.DocumentAnalysis;
import org.orgllm.inference.structured.UseCaseRecords.Ticket;

class RecordSchemasTest {

    @Test
    void snakeCaseNames() {
        assertThat(RecordSchemas.snakeCase("keyInsights")).isEqualTo("key_insights");
        assertThat(RecordSchemas.snakeCase("summary")).isEqualTo("summary");
        assertThat(RecordSchemas.snakeCase("httpURLValue")).isEqualTo("http_url_value");
        assertThat(RecordSchemas.snakeCase("step2Done")).isEqualTo("step2_done");
    }

    @Test
    void documentAnalysisSchemaCarriesTheConstraints() throws Exception {
        JsonNode expected = Generations.MAPPER.readTree("""
                {"type":"object","properties":{
                  "summary":{"type":"string","minLength":1,"maxLength":400},
                  "key_insights":{"type":"array","items":{"type":"string","minLength":1,"maxLength":120},
                                  "minItems":1,"maxItems":5},
                  "organizational_alignment":{"type":"number","minimum":0.0,"maximum":1.0},
                  "strategic_recommendations":{"type":"array","items":{"type":"string","maxLength":120},"maxItems":5}},
                 "required":["summary","key_insights","organizational_alignment","strategic_recommendations"],
                 "additionalProperties":false}""");
        assertThat(Generations.MAPPER.readTree(RecordSchemas.json(DocumentAnalysis.class))).isEqualTo(expected);
    }

    @Test
    void nestedRecordsEnumsIntegersAndBooleans() {
        JsonNode schema = RecordSchemas.of(Ticket.class);
        JsonNode props = schema.get("properties");
        assertThat(props.get("priority").toString())
                .isEqualTo("{\"type\":\"string\",\"enum\":[\"LOW\",\"MEDIUM\",\"HIGH\",\"URGENT\"]}");
        assertThat(props.get("sentiment").toString()).isEqualTo("{\"type\":\"integer\",\"minimum\":-3,\"maximum\":3}");
        assertThat(props.at("/contact/properties/age/minimum").asInt()).isEqualTo(18);
        assertThat(props.at("/contact/additionalProperties").asBoolean(true)).isFalse();
        assertThat(props.at("/steps/items/properties/done/type").asText()).isEqualTo("boolean");
        assertThat(props.at("/steps/items/properties/minutes/type").asText()).isEqualTo("integer");
        assertThat(props.at("/matrix/items/items/maximum").asInt()).isEqualTo(9);
        assertThat(props.at("/score/type").asText()).isEqualTo("number");
        assertThat(RecordSchemas.of(CustomerResponse.class).get("required")).hasSize(5);
    }

    @Test
    void derivedSchemasCompile() {
        for (Class<? extends Record> type : List.of(DocumentAnalysis.class, CustomerResponse.class, Ticket.class,
                UseCaseRecords.KnowledgeResponse.class)) {
            JsonSchemaConstraint c = JsonSchemaConstraint.compile(RecordSchemas.json(type), Fixtures.tiny(),
                    Fixtures.TINY_EOS);
            assertThat(c.minOutputBytes()).isPositive();
        }
    }

    record Node(String name, List<Node> children) {
    }

    record Unsupported(Object anything) {
    }

    @Test
    void recursiveAndUnknownTypesAreRejected() {
        assertThatThrownBy(() -> RecordSchemas.of(Node.class)).hasMessageContaining("recursive");
        assertThatThrownBy(() -> RecordSchemas.of(Unsupported.class)).hasMessageContaining("anything");
    }
}
