package org.orgllm.inference.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SamplingParamsTest {

    @Test
    void defaultsDisableEveryProcessor() {
        SamplingParams p = SamplingParams.defaults();
        assertThat(p.temperature()).isEqualTo(1.0);
        assertThat(p.topK()).isZero();
        assertThat(p.topP()).isEqualTo(1.0);
        assertThat(p.minP()).isZero();
        assertThat(p.repetitionPenalty()).isEqualTo(1.0);
        assertThat(p.frequencyPenalty()).isZero();
        assertThat(p.presencePenalty()).isZero();
        assertThat(p.seed()).isNull();
        assertThat(p.maxNewTokens()).isEqualTo(SamplingParams.DEFAULT_MAX_NEW_TOKENS);
        assertThat(p.stopTokenIds()).isEmpty();
        assertThat(p.stopStrings()).isEmpty();
        assertThat(p.ignoreEos()).isFalse();
        assertThat(p.greedy()).isFalse();
        assertThat(SamplingParams.greedy(5).greedy()).isTrue();
    }

    @Test
    void builderRoundTripsAndCopiesCollections() {
        var ids = new HashSet<>(Set.of(7));
        var stops = new ArrayList<>(List.of("###"));
        SamplingParams p = SamplingParams.builder().temperature(0.7).topK(40).topP(0.9).minP(0.05)
                .repetitionPenalty(1.1).frequencyPenalty(0.5).presencePenalty(-0.5).seed(42L).maxNewTokens(10)
                .stopTokenIds(ids).stopStrings(stops).ignoreEos(true).build();
        ids.add(8);
        stops.add("x");
        assertThat(p.stopTokenIds()).containsExactly(7);
        assertThat(p.stopStrings()).containsExactly("###");
        assertThat(p.toBuilder().build()).isEqualTo(p);
    }

    @Test
    void invalidValuesNameTheField() {
        assertInvalid(SamplingParams.builder().temperature(-0.1), "temperature");
        assertInvalid(SamplingParams.builder().temperature(Double.NaN), "temperature");
        assertInvalid(SamplingParams.builder().topK(-1), "topK");
        assertInvalid(SamplingParams.builder().topP(0), "topP");
        assertInvalid(SamplingParams.builder().topP(1.01), "topP");
        assertInvalid(SamplingParams.builder().minP(-0.01), "minP");
        assertInvalid(SamplingParams.builder().minP(1.5), "minP");
        assertInvalid(SamplingParams.builder().repetitionPenalty(0), "repetitionPenalty");
        assertInvalid(SamplingParams.builder().frequencyPenalty(2.5), "frequencyPenalty");
        assertInvalid(SamplingParams.builder().presencePenalty(-3), "presencePenalty");
        assertInvalid(SamplingParams.builder().maxNewTokens(0), "maxNewTokens");
        assertInvalid(SamplingParams.builder().stopTokenIds(List.of(-4)), "stopTokenIds");
        assertInvalid(SamplingParams.builder().stopStrings(""), "stopStrings");
        var withNull = new ArrayList<String>();
        withNull.add(null);
        assertInvalid(SamplingParams.builder().stopStrings(withNull), "stopStrings");
    }

    private static void assertInvalid(SamplingParams.Builder builder, String field) {
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(field);
    }
}
