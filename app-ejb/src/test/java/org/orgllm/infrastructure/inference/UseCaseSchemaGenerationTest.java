package org.orgllm.infrastructure.inference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgllm.application.usecases.KnowledgeAnswerDraft;
import org.orgllm.application.usecases.UseCase;
import org.orgllm.inference.engine.TokenConstraint;
import org.orgllm.inference.sampling.Sampler;
import org.orgllm.inference.sampling.SamplingParams;
import org.orgllm.inference.sampling.TokenHistory;
import org.orgllm.inference.structured.JsonSchemaConstraint;
import org.orgllm.inference.structured.RecordSchemas;
import org.orgllm.inference.structured.TokenVocabulary;

/**
 * Thousands of random-weight generations against each use case's schema, through the gateway's own
 * constraint (with its closing rule): every output parses, validates against the schema and reads
 * back into the response record — with the default budget and with a tight one.
 */
class UseCaseSchemaGenerationTest {

    private static final int RUNS = 500;
    private static final int[] EOS = {299, 297};
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static TokenVocabulary vocabulary;

    @BeforeAll
    static void vocabulary() throws Exception {
        Path fixtures = Path.of(System.getProperty("orgllm.fixtures", "../../shared/fixtures"));
        vocabulary = TokenVocabulary.fromTokenizerJson(fixtures.resolve("tiny-qwen2/tokenizer.json"));
    }

    static Stream<Arguments> outputs() {
        return UseCase.ALL.stream().flatMap(u -> {
            Class<? extends Record> type = u == UseCase.KNOWLEDGE ? KnowledgeAnswerDraft.class : u.responseType();
            return Stream.of(Arguments.of(u.name(), type, u.defaultMaxTokens()), Arguments.of(u.name(), type, 200));
        });
    }

    @ParameterizedTest(name = "{0} within {2} tokens")
    @MethodSource("outputs")
    void everyRandomGenerationParsesValidatesAndFitsTheBudget(String useCase, Class<? extends Record> type, int budget)
            throws Exception {
        String schemaJson = RecordSchemas.json(type);
        Schema schema = SCHEMAS.getSchema(schemaJson);
        JsonSchemaConstraint constraint = JsonSchemaConstraint.compile(schemaJson, vocabulary, EOS);
        for (int run = 0; run < RUNS; run++) {
            String text = generate(constraint, budget, run);
            JsonNode value = JSON.readTree(text);
            assertThat(schema.validate(value)).as("%s run %d: %s", useCase, run, text).isEmpty();
            assertThat(JSON.treeToValue(value, type)).isNotNull();
        }
    }

    /** Samples random logits (as a random-weight model would give) until the constraint is complete. */
    private static String generate(JsonSchemaConstraint constraint, int budget, long seed) {
        var sequence = constraint.start();
        TokenConstraint adapter = new JsonConstraintAdapter(sequence, budget);
        Sampler sampler = new Sampler(SamplingParams.builder().temperature(1.0).seed(seed).maxNewTokens(budget).build(),
                List.of(adapter));
        TokenHistory history = TokenHistory.ofPrompt(298, 97, 299);
        SplittableRandom random = new SplittableRandom(seed);
        float[] logits = new float[vocabulary.size()];
        for (int step = 0; step < budget && !adapter.isComplete(); step++) {
            for (int i = 0; i < logits.length; i++) {
                logits[i] = (float) (random.nextGaussian() * 3);
            }
            int id = sampler.sample(logits, history);
            history.append(id);
            adapter.accept(id);
        }
        assertThat(adapter.isComplete()).as("complete within %d tokens: %s", budget, sequence.text()).isTrue();
        return new String(sequence.output(), StandardCharsets.UTF_8);
    }
}
