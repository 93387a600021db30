package org.orgllm.inference.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Stop conditions and delta assembly, on the byte-per-token detokenizer. */
class GenerationStreamTest {

    private static final int EOS = 1000;
    private static final Detokenizer BYTES_AND_EOS = ids -> {
        StringBuilder text = new StringBuilder();
        int runStart = 0;
        for (int i = 0; i <= ids.length; i++) {
            if (i == ids.length || ids[i] == EOS) {
                text.append(StreamDecoderTest.BYTES.decode(java.util.Arrays.copyOfRange(ids, runStart, i)));
                if (i < ids.length) {
                    text.append("<eos>");
                }
                runStart = i + 1;
            }
        }
        return text.toString();
    };

    private static List<GenerationStream.Delta> run(SamplingParams params, int[] ids) {
        GenerationStream stream = new GenerationStream(params, Set.of(EOS), BYTES_AND_EOS);
        List<GenerationStream.Delta> deltas = new ArrayList<>();
        for (int id : ids) {
            GenerationStream.Delta delta = stream.accept(id);
            deltas.add(delta);
            if (delta.finished()) {
                break;
            }
        }
        return deltas;
    }

    private static String joined(List<GenerationStream.Delta> deltas) {
        return String.join("", deltas.stream().map(GenerationStream.Delta::text).toList());
    }

    private static int[] append(int[] ids, int... more) {
        int[] out = java.util.Arrays.copyOf(ids, ids.length + more.length);
        System.arraycopy(more, 0, out, ids.length, more.length);
        return out;
    }

    @Test
    void maxNewTokensEndsWithLengthAndFlushesTheHeldTail() {
        int[] ids = StreamDecoderTest.bytesOf("ok 👍🏽");
        List<GenerationStream.Delta> deltas = run(SamplingParams.builder().maxNewTokens(ids.length).build(), ids);
        assertThat(deltas).hasSize(ids.length);
        assertThat(deltas.getLast().finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(deltas.getLast().text()).isEqualTo("👍🏽");
        assertThat(joined(deltas)).isEqualTo("ok 👍🏽");
        assertThat(deltas.subList(0, deltas.size() - 1)).noneMatch(GenerationStream.Delta::finished);
    }

    @Test
    void eosStopsUnlessIgnored() {
        int[] ids = append(StreamDecoderTest.bytesOf("hi"), EOS, 'x');
        List<GenerationStream.Delta> stopped = run(SamplingParams.defaults(), ids);
        assertThat(stopped).hasSize(3);
        assertThat(stopped.getLast().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(joined(stopped)).isEqualTo("hi");

        List<GenerationStream.Delta> ignored = run(SamplingParams.builder().ignoreEos(true).maxNewTokens(4).build(), ids);
        assertThat(ignored.getLast().finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(joined(ignored)).isEqualTo(BYTES_AND_EOS.decode(ids));
    }

    @Test
    void stopTokenIdsApplyEvenWhenEosIsIgnored() {
        int[] ids = StreamDecoderTest.bytesOf("abc;def");
        List<GenerationStream.Delta> deltas = run(
                SamplingParams.builder().ignoreEos(true).stopTokenIds(List.of((int) ';')).build(), ids);
        assertThat(deltas.getLast().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(joined(deltas)).isEqualTo("abc");
    }

    @Test
    void stopStringIsCaughtOnTheTokenThatCompletesIt() {
        int[] ids = StreamDecoderTest.bytesOf("say END now");
        List<GenerationStream.Delta> deltas = run(SamplingParams.builder().stopStrings("END").build(), ids);
        assertThat(deltas).hasSize("say END".length());
        assertThat(deltas.getLast().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(joined(deltas)).isEqualTo("say ");
    }

    @Test
    void stopStringEndingInAMultiByteCharacterIsHeldWhileItsBytesArrive() {
        int[] ids = StreamDecoderTest.bytesOf("a wor😀 b");
        GenerationStream stream = new GenerationStream(SamplingParams.builder().stopStrings("wor😀").build(), Set.of(),
                BYTES_AND_EOS);
        StringBuilder streamed = new StringBuilder();
        for (int id : ids) {
            GenerationStream.Delta delta = stream.accept(id);
            streamed.append(delta.text());
            assertThat("a ").startsWith(streamed.toString());
            if (delta.finished()) {
                break;
            }
        }
        assertThat(streamed.toString()).isEqualTo("a ");
        assertThat(stream.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void partialStopStringIsHeldThenReleasedWhenItDoesNotComplete() {
        int[] ids = StreamDecoderTest.bytesOf("a EN! b");
        GenerationStream stream = new GenerationStream(SamplingParams.builder().stopStrings("END").build(), Set.of(),
                BYTES_AND_EOS);
        StringBuilder streamed = new StringBuilder();
        List<String> snapshots = new ArrayList<>();
        for (int id : ids) {
            streamed.append(stream.accept(id).text());
            snapshots.add(streamed.toString());
        }
        // After "a E" and "a EN" only "a " is out; "!" shows "EN" is not "END" (and is itself held as the last cluster).
        assertThat(snapshots).containsExactly("", "a", "a ", "a ", "a EN", "a EN!", "a EN! ");
        streamed.append(stream.finish(FinishReason.CANCELLED).text());
        assertThat(streamed.toString()).isEqualTo("a EN! b");
        assertThat(stream.finishReason()).isEqualTo(FinishReason.CANCELLED);
    }

    @Test
    void cancelReleasesAPartialStopStringPrefix() {
        GenerationStream stream = new GenerationStream(SamplingParams.builder().stopStrings("END").build(), Set.of(),
                BYTES_AND_EOS);
        assertThat(stream.accept('o').text()).isEmpty();
        assertThat(stream.accept('E').text()).isEqualTo("o");
        GenerationStream.Delta end = stream.finish(FinishReason.CANCELLED);
        assertThat(end.text()).isEqualTo("E");
        assertThat(stream.finish(FinishReason.ERROR)).isEqualTo(new GenerationStream.Delta("", FinishReason.CANCELLED));
        assertThatThrownBy(() -> stream.accept('x')).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void holdBackStartingInsideAClusterIsRoundedDown() {
        // The stop string starts with a combining mark, so the hold-back would cut "e" from its accent.
        int[] ids = StreamDecoderTest.bytesOf("xe\u0301ab!");
        GenerationStream stream = new GenerationStream(SamplingParams.builder().stopStrings("\u0301abc").build(),
                Set.of(), BYTES_AND_EOS);
        List<String> deltas = new ArrayList<>();
        for (int id : ids) {
            deltas.add(stream.accept(id).text());
        }
        deltas.add(stream.finish(FinishReason.CANCELLED).text());
        StreamChecks.assertWellFormed(deltas, "xe\u0301ab!", "combining stop");
    }
}
