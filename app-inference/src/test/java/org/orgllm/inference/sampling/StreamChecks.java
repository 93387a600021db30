package org.orgllm.inference.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Shared assertions on streamed deltas. */
final class StreamChecks {

    private StreamChecks() {
    }

    /** Streams the ids one by one through a fresh decoder and returns the deltas, flush last. */
    static List<String> stream(Detokenizer detokenizer, int[] ids) {
        StreamDecoder decoder = new StreamDecoder(detokenizer);
        List<String> deltas = new ArrayList<>();
        for (int id : ids) {
            deltas.add(decoder.push(id));
        }
        deltas.add(decoder.flush());
        return deltas;
    }

    /** Concatenation equals the expected text, and deltas carry no U+FFFD nor split a grapheme cluster. */
    static void assertWellFormed(List<String> deltas, String expected, String label) {
        assertThat(String.join("", deltas)).as("concatenation of %s", label).isEqualTo(expected);
        if (expected.indexOf('\uFFFD') < 0) {
            assertThat(deltas).as("deltas of %s", label).noneMatch(d -> d.indexOf('\uFFFD') >= 0);
        }
        TreeSet<Integer> boundaries = graphemeBoundaries(expected);
        int offset = 0;
        for (String delta : deltas) {
            offset += delta.length();
            assertThat(boundaries).as("delta boundary %d of %s in %s", offset, label, deltas).contains(offset);
        }
    }

    static TreeSet<Integer> graphemeBoundaries(String text) {
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(text);
        TreeSet<Integer> boundaries = new TreeSet<>();
        for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
            boundaries.add(b);
        }
        return boundaries;
    }
}
