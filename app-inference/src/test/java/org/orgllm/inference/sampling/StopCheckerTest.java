package org.orgllm.inference.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StopCheckerTest {

    @Test
    void findsEarliestOccurrenceAcrossStopStrings() {
        StopChecker checker = new StopChecker(List.of("world", "lo"));
        StopChecker.Result result = checker.check("Hello world");
        assertThat(result.stopped()).isTrue();
        assertThat(result.stopIndex()).isEqualTo(3);
        assertThat(result.stopString()).isEqualTo("lo");
        assertThat(result.truncate("Hello world")).isEqualTo("Hel");
    }

    @Test
    void tieAtTheSameIndexPicksTheFirstListed() {
        StopChecker.Result result = new StopChecker(List.of("ab", "abc")).check("xabc");
        assertThat(result.stopIndex()).isEqualTo(1);
        assertThat(result.stopString()).isEqualTo("ab");
    }

    @Test
    void holdsBackTheLongestSuffixThatCouldStartAStopString() {
        StopChecker checker = new StopChecker(List.of("world", "\n\nUser:"));
        assertThat(checker.check("Hello wor").holdBack()).isEqualTo(3);
        assertThat(checker.check("Hello wor").truncate("Hello wor")).isEqualTo("Hello ");
        assertThat(checker.check("Hi\n\nUse").holdBack()).isEqualTo(5);
        assertThat(checker.check("Hello").holdBack()).isZero();
        assertThat(checker.check("w").holdBack()).isEqualTo(1);
        assertThat(checker.check("").holdBack()).isZero();
    }

    @Test
    void searchStartsAtTheGivenOffset() {
        StopChecker checker = new StopChecker(List.of("ab"));
        assertThat(checker.check("abxab", 1).stopIndex()).isEqualTo(3);
        assertThat(checker.check("abxa", 1).stopped()).isFalse();
    }

    @Test
    void noStopStringsNeverStopsOrHoldsBack() {
        StopChecker.Result result = new StopChecker(List.of()).check("anything");
        assertThat(result.stopped()).isFalse();
        assertThat(result.safeLength(8)).isEqualTo(8);
    }
}
