package org.orgllm.inference.structured;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgllm.inference.structured.UseCaseRecords.CustomerResponse;
import org.orgllm.inference.structured.UseCaseRecords.DocumentAnalysis;
import org.orgllm.inference.structured.UseCaseRecords.KnowledgeResponse;
import org.orgllm.inference.structured.UseCaseRecords.Ticket;

/**
 * Property test: with random logits sampled by the real {@link org.orgllm.inference.sampling.Sampler},
 * every generation ends, within the constraint's length bound, with a document that parses and
 * validates. Special tokens are masked at every step, and end-of-sequence exactly when complete.
 */
class RandomGenerationTest {

    private static final ConstraintOptions SHORT = ConstraintOptions.defaults()
            .withDefaultMaxStringLength(24).withDefaultMaxItems(4).withMaxWhitespaceRun(2);

    static Stream<Arguments> schemas() throws IOException {
        return Stream.of(
                Arguments.of("DocumentAnalysis", RecordSchemas.json(DocumentAnalysis.class)),
                Arguments.of("CustomerResponse", RecordSchemas.json(CustomerResponse.class)),
                Arguments.of("KnowledgeResponse", RecordSchemas.json(KnowledgeResponse.class)),
                Arguments.of("Ticket", RecordSchemas.json(Ticket.class)),
                Arguments.of("nested-enums", resource("nested-enums.json")),
                Arguments.of("numbers", resource("numbers.json")),
                Arguments.of("top-level-array", resource("top-level-array.json")),
                Arguments.of("free-form (json_object)", resource("free-form.json")),
                Arguments.of("map-of-records", resource("map-of-records.json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void tinyVocabularyAlwaysProducesValidJson(String name, String schema) {
        TokenVocabulary vocab = Fixtures.tiny();
        JsonSchemaConstraint c = JsonSchemaConstraint.compile(SchemaCompiler.parse(schema), vocab, SHORT,
                Fixtures.TINY_EOS, 297);
        run(c, schema, vocab.size(), 1_000, name.hashCode());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void qwenVocabularyAlwaysProducesValidJson(String name, String schema) {
        TokenVocabulary vocab = Fixtures.qwen();
        JsonSchemaConstraint c = JsonSchemaConstraint.compile(SchemaCompiler.parse(schema), vocab, SHORT,
                Fixtures.QWEN_EOS, Fixtures.QWEN_ENDOFTEXT);
        run(c, schema, Fixtures.QWEN_LOGITS, 30, name.hashCode());
    }

    private static void run(JsonSchemaConstraint c, String schema, int logitsLength, int runs, long seed0) {
        TokenVocabulary vocab = c.vocabulary();
        int[] eos = c.eosTokenIds();
        int bound = Math.toIntExact(c.maxOutputBytes()) + 1;
        Generations.StepCheck specials = (sequence, logits) -> {
            boolean complete = sequence.isComplete();
            if ((sequence.tokensToComplete() == 0) != complete) {
                throw new AssertionError("tokensToComplete " + sequence.tokensToComplete() + " with complete="
                        + complete + " after " + sequence.text());
            }
            for (int id = 0; id < logits.length; id++) {
                boolean allowed = logits[id] > Float.NEGATIVE_INFINITY;
                boolean isEos = id == eos[0] || id == eos[1];
                boolean nonText = id >= vocab.size() || vocab.isSpecial(id);
                if ((isEos && allowed != complete) || (!isEos && nonText && allowed)) {
                    throw new AssertionError("id " + id + " allowed=" + allowed + " with complete=" + complete
                            + " after " + sequence.text());
                }
            }
        };
        Set<String> distinct = new HashSet<>();
        for (int run = 0; run < runs; run++) {
            long seed = seed0 * 1_000 + run;
            // Every tenth run checks the whole mask each step; the others only the outcome (speed).
            Generations.StepCheck check = run % 10 == 0 ? specials : Generations.StepCheck.NONE;
            double spread = 2 + (run % 4) * 3;
            Generations.Result r = Generations.generate(c, logitsLength, seed, spread, bound, check);
            assertThat(r.ended()).as("run %d ended with EOS within %d tokens: %s", run, bound,
                    new String(r.bytes(), StandardCharsets.UTF_8)).isTrue();
            assertThat(r.tokens()).isLessThanOrEqualTo(bound);
            String text = r.text();
            Generations.assertValid(schema, text);
            distinct.add(text);
        }
        assertThat(distinct.size()).as("random logits give varied documents").isGreaterThan(runs / 2);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RandomGenerationTest.class.getResourceAsStream("/structured/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
