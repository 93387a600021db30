package org.orgllm.inference.structured;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import org.orgllm.inference.sampling.LogitsProcessor;
import org.orgllm.inference.sampling.Sampler;
import org.orgllm.inference.sampling.SamplingParams;
import org.orgllm.inference.sampling.TokenHistory;

/** Random-logit generation through the real sampler, and checks of what comes out. */
final class Generations {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private Generations() {
    }

    /** One finished generation. */
    record Result(byte[] bytes, int tokens, boolean ended) {
        String text() {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new AssertionError("output is not valid UTF-8: " + new String(bytes, StandardCharsets.ISO_8859_1), e);
            }
        }
    }

    /**
     * Samples with logits uniform in {@code [-spread, spread]} at temperature 1 until end of sequence or
     * {@code maxTokens}.
     *
     * @param check called after each masking, before sampling
     */
    static Result generate(JsonSchemaConstraint constraint, int logitsLength, long seed, double spread,
                           int maxTokens, StepCheck check) {
        ConstrainedSequence sequence = constraint.start();
        SamplingParams params = SamplingParams.builder().temperature(1.0).seed(seed).build();
        LogitsProcessor inspect = (logits, history) -> check.check(sequence, logits);
        Sampler sampler = new Sampler(params, List.<LogitsProcessor>of(sequence, inspect));
        TokenHistory history = TokenHistory.ofPrompt(1, 2, 3);
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        float[] logits = new float[logitsLength];
        int[] eos = constraint.eosTokenIds();
        for (int step = 0; step < maxTokens; step++) {
            for (int i = 0; i < logits.length; i++) {
                logits[i] = (float) ((random.nextDouble() * 2 - 1) * spread);
            }
            int id = sampler.sample(logits, history);
            history.append(id);
            if (contains(eos, id)) {
                sequence.accept(id);
                break;
            }
        }
        return new Result(sequence.output(), sequence.acceptedTokens(), sequence.isEnded());
    }

    /** Asserts the text parses and validates against the schema; returns the parsed value. */
    static JsonNode assertValid(String schemaJson, String text) {
        JsonNode value;
        try {
            value = MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("does not parse: " + text, e);
        }
        Schema schema = REGISTRY.getSchema(schemaJson);
        List<Error> errors = schema.validate(value);
        assertThat(errors).as("validation of %s", text).isEmpty();
        return value;
    }

    private static boolean contains(int[] ids, int id) {
        for (int e : ids) {
            if (e == id) {
                return true;
            }
        }
        return false;
    }

    /** Inspects the masked logits of one step. */
    @FunctionalInterface
    interface StepCheck {
        void check(ConstrainedSequence sequence, float[] maskedLogits);

        StepCheck NONE = (s, l) -> { };
    }
}
