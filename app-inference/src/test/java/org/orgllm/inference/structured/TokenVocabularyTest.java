package org.orgllm.inference.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenVocabularyTest {

    @Test
    void tinyByteLevelVocabularyCoversEveryByteOnce() {
        TokenVocabulary v = Fixtures.tiny();
        assertThat(v.size()).isEqualTo(300);
        Set<Integer> singles = new HashSet<>();
        for (int id = 0; id < 256; id++) {
            assertThat(v.bytes(id)).hasSize(1);
            singles.add(v.bytes(id)[0] & 0xFF);
        }
        assertThat(singles).hasSize(256);
        assertThat(v.isSpecial(297)).isTrue();
        assertThat(v.isSpecial(299)).isTrue();
        assertThat(v.isSpecial(256)).isFalse();
        assertThat(new String(v.bytes(299), StandardCharsets.UTF_8)).isEqualTo("<|im_end|>");
    }

    @Test
    void qwenBytesMatchTheReferenceDecoder() throws Exception {
        TokenVocabulary v = Fixtures.qwen();
        assertThat(v.size()).isEqualTo(151_669);
        assertThat(v.isSpecial(Fixtures.QWEN_EOS)).isTrue();
        assertThat(v.isSpecial(151_667)).as("<think> is an added token").isTrue();
        try (HuggingFaceTokenizer djl = HuggingFaceTokenizer.newInstance(
                Fixtures.dir().resolve("qwen3-tokenizer/tokenizer.json"))) {
            long[] ids = djl.encode("Hello {\"key_insights\": [\"naïve café\", \"日本語\"], \"x\": 0.5}\n", false, false)
                    .getIds();
            int[] asInts = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                asInts[i] = (int) ids[i];
            }
            assertThat(new String(v.decode(asInts), StandardCharsets.UTF_8)).isEqualTo(djl.decode(ids, false));
            // Single tokens that are whole UTF-8 text decode to the same string both ways.
            SplittableRandom random = new SplittableRandom(7);
            int compared = 0;
            for (int i = 0; i < 3000; i++) {
                int id = random.nextInt(151_643);
                String ours = strictUtf8(v.bytes(id));
                if (ours != null) {
                    assertThat(ours).as("id %d", id).isEqualTo(djl.decode(new long[] {id}, false));
                    compared++;
                }
            }
            assertThat(compared).isGreaterThan(2500);
        }
    }

    @Test
    void sentencePieceVocabularyMapsMetaspaceAndByteFallback() throws Exception {
        TokenVocabulary v;
        try (InputStream in = getClass().getResourceAsStream("/structured/sentencepiece-tokenizer.json")) {
            v = TokenVocabulary.fromTokenizerJson(in);
        }
        assertThat(v.isSpecial(0)).isTrue();
        assertThat(v.isSpecial(2)).isTrue();
        assertThat(v.bytes(3 + 0x41)).containsExactly('A');
        assertThat(v.bytes(3 + 0xE9)).containsExactly((byte) 0xE9);
        int hello = idOf(v, " hello");
        assertThat(hello).isPositive();
        assertThat(idOf(v, "  ")).isPositive();
        assertThat(idOf(v, "<0xZZ>")).as("not a byte token: kept as text").isPositive();
        assertThat(idOf(v, "日本")).isPositive();

        // It drives a constraint like any other vocabulary.
        JsonSchemaConstraint c = JsonSchemaConstraint.compile(
                "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}", v, 2);
        ConstrainedSequence s = c.start();
        for (String piece : new String[] {" {", " \"", "name", "\":", " \"", "日本", "é", "\"", "}"}) {
            int id = idOf(v, piece);
            assertThat(s.allows(id)).as(piece).isTrue();
            s.accept(id);
        }
        assertThat(s.isComplete()).isTrue();
        assertThat(s.allows(2)).isTrue();
        assertThat(s.text()).isEqualTo(" { \"name\": \"日本é\"}");
    }

    @Test
    void wordPieceIsRejected() {
        String json = "{\"added_tokens\":[],\"decoder\":{\"type\":\"WordPiece\"},"
                + "\"model\":{\"type\":\"WordPiece\",\"vocab\":{\"a\":0}}}";
        assertThatThrownBy(() -> TokenVocabulary.fromTokenizerJson(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WordPiece");
    }

    @Test
    void vocabulariesWithoutSingleBytesAreRefused() {
        TokenVocabulary v = TokenVocabulary.of(List.of("{".getBytes(), "}".getBytes()), new BitSet());
        assertThatThrownBy(() -> JsonSchemaConstraint.compile("{\"type\":\"object\"}", v, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single-byte");
    }

    private static int idOf(TokenVocabulary v, String text) {
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        for (int id = 0; id < v.size(); id++) {
            if (!v.isSpecial(id) && Arrays.equals(v.bytes(id), wanted)) {
                return id;
            }
        }
        return -1;
    }

    private static String strictUtf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
