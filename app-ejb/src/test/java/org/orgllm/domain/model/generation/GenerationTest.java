package org.orgllm.domain.model.generation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.orgllm.domain.model.organization.OrganizationId;

/** A record of a generation must always be storable in PostgreSQL, whatever the model wrote. */
class GenerationTest {

    @Test
    void aNulCharacterFromTheModelIsStoredAsAReplacementCharacter() {
        Generation g = new Generation(OrganizationId.of("techcorp"), "chat", Channel.OPENAI, "alice", null,
                "{\"content\":\"a\\u0000b\"}", "pro\u0000mpt", "chat/v1", null);

        g.succeed("x\u0000y", "raw\u0000out", "{\"text\":\"q\\u0000r\"}",
                new Generation.Measurements("m", "base", "stop", 1, 1, 0L, 0L, 1L));

        assertThat(g.requestJson()).isEqualTo("{\"content\":\"a\\uFFFDb\"}");
        assertThat(g.prompt()).isEqualTo("x\uFFFDy");
        assertThat(g.rawOutput()).isEqualTo("raw\uFFFDout");
        assertThat(g.parsedOutputJson()).isEqualTo("{\"text\":\"q\\uFFFDr\"}");
    }

    @Test
    void ordinaryTextIsKeptAsItIs() {
        assertThat(Generation.storable("plain ünïcödé")).isEqualTo("plain ünïcödé");
        assertThat(Generation.storable(null)).isNull();
    }
}
