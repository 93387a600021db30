package org.orgllm.inference.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orgllm.inference.sampling.TokenHistory;
import org.orgllm.inference.structured.UseCaseRecords.KnowledgeResponse;

/** The per-request matcher: masks along a real tokenization, history sync, closing mode. */
class SequenceTest {

    private static final String DOCUMENT = """
            {"answer": "Use the \\"travel\\" policy.\\nSee §4 – naïve café 日本語 😀", "confidence_score": 0.87,
             "source_references": ["handbook.pdf"], "related_policies": [], "follow_up_questions": ["Why?"]}""";

    @Test
    void realTokenizationIsAcceptedWithSpecialsMaskedAndEosOnlyAtTheEnd() throws Exception {
        TokenVocabulary v = Fixtures.qwen();
        JsonSchemaConstraint c = JsonSchemaConstraint.compile(RecordSchemas.json(KnowledgeResponse.class), v,
                Fixtures.QWEN_EOS);
        int[] ids;
        try (HuggingFaceTokenizer djl = HuggingFaceTokenizer.newInstance(
                Fixtures.dir().resolve("qwen3-tokenizer/tokenizer.json"))) {
            ids = Arrays.stream(djl.encode(DOCUMENT, false, false).getIds()).mapToInt(i -> (int) i).toArray();
        }
        ConstrainedSequence s = c.start();
        float[] logits = new float[Fixtures.QWEN_LOGITS];
        TokenHistory history = TokenHistory.ofPrompt(1);
        for (int id : ids) {
            Arrays.fill(logits, 1f);
            s.process(logits, history);
            assertThat(logits[id]).as("token %d after %s", id, s.text()).isEqualTo(1f);
            assertThat(logits[Fixtures.QWEN_EOS]).isEqualTo(Float.NEGATIVE_INFINITY);
            for (int special = 151_643; special < Fixtures.QWEN_LOGITS; special++) {
                assertThat(logits[special]).isEqualTo(Float.NEGATIVE_INFINITY);
            }
            history.append(id); // accepted by the next process call
        }
        Arrays.fill(logits, 1f);
        s.process(logits, history);
        assertThat(s.isComplete()).isTrue();
        assertThat(s.text()).isEqualTo(DOCUMENT);
        for (int id = 0; id < logits.length; id++) {
            assertThat(logits[id]).as("only EOS after the document, id %d", id)
                    .isEqualTo(id == Fixtures.QWEN_EOS ? 1f : Float.NEGATIVE_INFINITY);
        }
        s.accept(Fixtures.QWEN_EOS);
        assertThat(s.isEnded()).isTrue();
        Generations.assertValid(RecordSchemas.json(KnowledgeResponse.class), s.text());
    }

    @Test
    void explicitAcceptAndHistoryAppendDoNotDoubleCount() {
        TokenVocabulary v = Fixtures.tiny();
        JsonSchemaConstraint c = JsonSchemaConstraint.compile("{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}",
                v, Fixtures.TINY_EOS);
        int[] byteToken = AutomatonTest.singleByteTokens(v);
        ConstrainedSequence s = c.start();
        TokenHistory history = TokenHistory.ofPrompt(5);
        float[] logits = new float[v.size()];
        for (char ch : "[1,2]".toCharArray()) {
            s.process(logits, history);
            s.accept(byteToken[ch]);
            history.append(byteToken[ch]);
        }
        s.process(logits, history);
        assertThat(s.text()).isEqualTo("[1,2]");
        assertThat(s.isComplete()).isTrue();
    }

    @Test
    void disallowedTokensAreRefused() {
        TokenVocabulary v = Fixtures.tiny();
        JsonSchemaConstraint c = JsonSchemaConstraint.compile("{\"type\":\"boolean\"}", v, Fixtures.TINY_EOS);
        int[] byteToken = AutomatonTest.singleByteTokens(v);
        ConstrainedSequence s = c.start();
        assertThatThrownBy(() -> s.accept(byteToken['x'])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.accept(Fixtures.TINY_EOS)).hasMessageContaining("before the JSON is complete");
        assertThatThrownBy(() -> s.accept(298)).hasMessageContaining("not allowed");
    }

    @Test
    void anEosIdThatIsAlsoTextOnlyEndsTheDocument() {
        TokenVocabulary v = Fixtures.tiny();
        int[] byteToken = AutomatonTest.singleByteTokens(v);
        int eos = byteToken['x'];
        JsonSchemaConstraint c = JsonSchemaConstraint.compile("{\"type\":\"string\"}", v, eos);
        ConstrainedSequence s = c.start();
        s.accept(byteToken['"']);
        assertThat(s.allows(eos)).isFalse();
        assertThat(s.allows(byteToken['y'])).isTrue();
        s.accept(byteToken['"']);
        assertThat(s.allows(eos)).isTrue();
        s.accept(eos);
        assertThat(s.isEnded()).isTrue();
        assertThat(s.text()).isEqualTo("\"\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"document-analysis", "free-form"})
    void closingModeFinishesWithinTheAnnouncedTokens(String which) {
        TokenVocabulary v = Fixtures.qwen();
        // free-form: json_object, whose values nest objects and arrays the closing has to unwind
        String schema = which.equals("free-form") ? "{\"type\":\"object\"}"
                : RecordSchemas.json(UseCaseRecords.DocumentAnalysis.class);
        JsonSchemaConstraint c = JsonSchemaConstraint.compile(schema, v, Fixtures.QWEN_EOS);
        SplittableRandom random = new SplittableRandom(3);
        float[] logits = new float[Fixtures.QWEN_LOGITS];
        for (int run = 0; run < 10; run++) {
            ConstrainedSequence s = c.start();
            TokenHistory history = TokenHistory.ofPrompt(1);
            int before = 5 + run * 7; // tokens of free generation before the budget runs low
            int budget = Integer.MAX_VALUE;
            int used = 0;
            while (!s.isEnded()) {
                if (used == before) {
                    s.closeNow();
                    budget = used + s.tokensToComplete() + 1; // + EOS
                }
                for (int i = 0; i < logits.length; i++) {
                    logits[i] = (float) random.nextDouble(-5, 5);
                }
                s.process(logits, history);
                int id = argmaxAllowed(logits);
                s.accept(id);
                history.append(id);
                used++;
                assertThat(used).isLessThanOrEqualTo(budget);
            }
            Generations.assertValid(schema, new String(s.output(), StandardCharsets.UTF_8));
        }
    }

    private static int argmaxAllowed(float[] logits) {
        int best = -1;
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] > Float.NEGATIVE_INFINITY && (best < 0 || logits[i] > logits[best])) {
                best = i;
            }
        }
        return best;
    }
}
