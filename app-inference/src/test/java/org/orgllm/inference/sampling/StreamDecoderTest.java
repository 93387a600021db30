package org.orgllm.inference.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The incremental detokenizer against simple detokenizers with known quirks. */
class StreamDecoderTest {

    /** Byte-level: every id is one UTF-8 byte, and an incomplete sequence decodes to U+FFFD. */
    static final Detokenizer BYTES = ids -> {
        byte[] bytes = new byte[ids.length];
        for (int i = 0; i < ids.length; i++) {
            bytes[i] = (byte) ids[i];
        }
        return new String(bytes, StandardCharsets.UTF_8);
    };

    static int[] bytesOf(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ids[i] = bytes[i] & 0xff;
        }
        return ids;
    }

    @Test
    void jdkBreakIteratorSegmentsExtendedGraphemeClusters() {
        for (String cluster : List.of("👍🏽", "👨‍👩‍👧", "e\u0301", "🇩🇪", "👩🏾‍💻", "\u1100\u1161\u11A8")) {
            assertThat(StreamChecks.graphemeBoundaries(cluster)).as(cluster).containsExactly(0, cluster.length());
        }
        assertThat(StreamChecks.graphemeBoundaries("🇩🇪🇫🇷")).containsExactly(0, 4, 8);
    }

    @Test
    void byteLevelStreamNeverSplitsCharactersOrClusters() {
        for (String text : List.of("plain ascii", "Thumbs 👍🏽 up", "Family 👨‍👩‍👧!", "Flags 🇩🇪🇫🇷🇯🇵",
                "Cafe\u0301 a\u0308", "中文测试，你好", "👍🏽", "end with flag 🇩🇪")) {
            List<String> deltas = StreamChecks.stream(BYTES, bytesOf(text));
            StreamChecks.assertWellFormed(deltas, text, text);
        }
    }

    @Test
    void trailingClusterIsHeldUntilTheNextTokenShowsItComplete() {
        StreamDecoder decoder = new StreamDecoder(BYTES);
        StringBuilder streamed = new StringBuilder();
        for (int id : bytesOf("ab👍")) {
            streamed.append(decoder.push(id));
        }
        assertThat(streamed.toString()).isEqualTo("ab");
        for (int id : bytesOf("🏽")) {
            streamed.append(decoder.push(id));
        }
        assertThat(streamed.toString()).isEqualTo("ab");
        streamed.append(decoder.push('x'));
        assertThat(streamed.toString()).isEqualTo("ab👍🏽");
        assertThat(decoder.flush()).isEqualTo("x");
    }

    @Test
    void metaspaceStyleLeadingSpaceIsDecodedWithContext() {
        List<String> vocab = List.of("▁Hello", "▁world", ",", "▁how", "▁are", "▁you", "?");
        Detokenizer metaspace = ids -> {
            StringBuilder sb = new StringBuilder();
            for (int id : ids) {
                sb.append(vocab.get(id).replace('▁', ' '));
            }
            return sb.length() > 0 && sb.charAt(0) == ' ' ? sb.substring(1) : sb.toString();
        };
        int[] ids = {0, 1, 2, 3, 4, 5, 6};
        List<String> deltas = StreamChecks.stream(metaspace, ids);
        StreamChecks.assertWellFormed(deltas, "Hello world, how are you?", "metaspace");
    }

    @Test
    void decoderThatRewritesEarlierTextFallsBackToFullDecode() {
        Detokenizer nfcCodePoints = ids -> Normalizer.normalize(new String(ids, 0, ids.length), Normalizer.Form.NFC);
        int[] ids = "Cafe\u0301 and n\u0303 ok".codePoints().toArray();
        String expected = nfcCodePoints.decode(ids);
        StreamChecks.assertWellFormed(StreamChecks.stream(nfcCodePoints, ids), expected, "nfc");
    }

    @Test
    void windowStaysSmallAsTheSequenceGrows() {
        int[] calls = new int[1];
        int[] longest = new int[1];
        Detokenizer counting = ids -> {
            calls[0]++;
            longest[0] = Math.max(longest[0], ids.length);
            return BYTES.decode(ids);
        };
        StreamDecoder decoder = new StreamDecoder(counting);
        String text = "x".repeat(500) + "👍🏽".repeat(20);
        for (int id : bytesOf(text)) {
            decoder.push(id);
            if (decoder.tokenCount() == 580) {
                assertThat(longest[0]).isLessThanOrEqualTo(8);
            }
        }
        assertThat(decoder.flush()).isEqualTo("👍🏽");
    }

    @Test
    void invalidBytesAreKeptOnceTheStreamEnds() {
        int[] ids = {'a', 0xff, 'b', 0xe2, 0x82};
        List<String> deltas = StreamChecks.stream(BYTES, ids);
        assertThat(String.join("", deltas)).isEqualTo(BYTES.decode(ids));
    }
}
