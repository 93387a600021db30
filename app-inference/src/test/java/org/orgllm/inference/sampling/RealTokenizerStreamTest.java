package org.orgllm.inference.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Streaming against the real tokenizers in the shared fixtures, compared with their full decode. */
class RealTokenizerStreamTest {

    private static final List<String> TEXTS = List.of(
            "Hello, world! This is plain ASCII with numbers 12345 and symbols #$%^&*().",
            "Thumbs up 👍🏽, down 👎🏿, wave 👋🏻!",
            "Family 👨‍👩‍👧 and coder 👩🏾‍💻 and rainbow flag 🏳️‍🌈.",
            "Flags: 🇩🇪🇫🇷🇯🇵🇺🇸 end",
            "Combining: Cafe\u0301, na\u0131\u0308ve, a\u0308, n\u0303, q\u0307\u0323 and Hangul \u1100\u1161\u11A8",
            "中文测试：你好，世界！日本語のテキスト。한국어 텍스트",
            "Mixed 混合 text 😀 with émojis 🎉🎊 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math, नमस्ते, ελληνικά",
            "👍🏽");

    private static HuggingFaceTokenizer tiny;
    private static HuggingFaceTokenizer qwen3;

    @BeforeAll
    static void load() throws IOException {
        Path fixtures = Path.of(System.getProperty("orgllm.fixtures", "../../shared/fixtures"));
        tiny = HuggingFaceTokenizer.newInstance(fixtures.resolve("tiny-qwen2/tokenizer.json"));
        qwen3 = HuggingFaceTokenizer.newInstance(fixtures.resolve("qwen3-tokenizer/tokenizer.json"));
        assertThat(Files.isDirectory(fixtures)).isTrue();
    }

    @AfterAll
    static void close() {
        tiny.close();
        qwen3.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of("tiny", "qwen3").flatMap(t -> TEXTS.stream().map(text -> Arguments.of(t, text)));
    }

    private static HuggingFaceTokenizer tokenizer(String name) {
        return name.equals("tiny") ? tiny : qwen3;
    }

    static Detokenizer detokenizer(HuggingFaceTokenizer tokenizer) {
        return ids -> tokenizer.decode(Arrays.stream(ids).asLongStream().toArray(), false);
    }

    static int[] encode(HuggingFaceTokenizer tokenizer, String text) {
        return Arrays.stream(tokenizer.encode(text, false, false).getIds()).mapToInt(Math::toIntExact).toArray();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void streamedDeltasEqualFullDecode(String name, String text) {
        HuggingFaceTokenizer tokenizer = tokenizer(name);
        int[] ids = encode(tokenizer, text);
        Detokenizer detokenizer = detokenizer(tokenizer);
        String full = detokenizer.decode(ids);
        List<String> deltas = StreamChecks.stream(detokenizer, ids);
        StreamChecks.assertWellFormed(deltas, full, name + ": " + text);
        if (StreamChecks.graphemeBoundaries(full).size() > 2) {
            assertThat(deltas.getLast()).as("only the last cluster waits for the end").isNotEqualTo(full);
        }
    }

    @Test
    void tinyTokenizerSplitsMultiByteCharactersAcrossTokens() {
        int[] ids = encode(tiny, "👍🏽");
        assertThat(ids.length).isGreaterThan(2);
        assertThat(detokenizer(tiny).decode(Arrays.copyOf(ids, 1))).contains("\uFFFD");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenizers")
    void stopStringsAcrossTokenBoundariesNeverLeak(String name) {
        HuggingFaceTokenizer tokenizer = tokenizer(name);
        Detokenizer detokenizer = detokenizer(tokenizer);
        record Case(String text, String stop, String expected) {
        }
        for (Case c : List.of(
                new Case("Hello world and more words", "world", "Hello "),
                new Case("Answer: 42\n\nUser: next question", "\n\nUser:", "Answer: 42"),
                new Case("Nice 👍🏽! Done here", "👍🏽!", "Nice "),
                new Case("中文测试：你好，世界！", "你好", "中文测试："),
                new Case("no stop in here at all", "STOP", "no stop in here at all"))) {
            int[] ids = encode(tokenizer, c.text());
            GenerationStream stream = new GenerationStream(
                    SamplingParams.builder().stopStrings(c.stop()).maxNewTokens(ids.length).build(), Set.of(), detokenizer);
            StringBuilder streamed = new StringBuilder();
            GenerationStream.Delta delta = null;
            for (int id : ids) {
                delta = stream.accept(id);
                streamed.append(delta.text());
                assertThat(c.expected()).as("%s: streamed so far", c.text()).startsWith(streamed.toString());
                if (delta.finished()) {
                    break;
                }
            }
            assertThat(streamed.toString()).isEqualTo(c.expected()).isEqualTo(stream.text());
            assertThat(delta.finishReason()).isEqualTo(
                    c.expected().equals(c.text()) ? FinishReason.LENGTH : FinishReason.STOP);
        }
    }

    static Stream<String> tokenizers() {
        return Stream.of("tiny", "qwen3");
    }

    @Test
    void eosEndsTheStreamWithoutItsText() {
        Detokenizer detokenizer = detokenizer(tiny);
        int[] ids = encode(tiny, "Hi 👋🏻");
        GenerationStream stream = new GenerationStream(SamplingParams.builder().maxNewTokens(100).build(),
                Set.of(299, 297), detokenizer);
        StringBuilder streamed = new StringBuilder();
        for (int id : ids) {
            streamed.append(stream.accept(id).text());
        }
        GenerationStream.Delta end = stream.accept(297);
        streamed.append(end.text());
        assertThat(end.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(streamed.toString()).isEqualTo("Hi 👋🏻").isEqualTo(stream.text());
    }
}
