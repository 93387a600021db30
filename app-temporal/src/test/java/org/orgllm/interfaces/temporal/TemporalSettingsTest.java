package org.orgllm.interfaces.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemporalSettingsTest {

    @Test
    void noAddressMeansDisabled() {
        var settings = new TemporalSettings(Optional.of("  "), "default", TaskQueues.LOCAL_LLM, 4, false, 7233);

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.address()).isEmpty();
    }

    @Test
    void theEmbeddedServerIsTheTargetWhenNoAddressIsSet() {
        var settings = new TemporalSettings(Optional.empty(), "default", TaskQueues.LOCAL_LLM, 4, true, 7299);

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.target()).isEqualTo("127.0.0.1:7299");
    }

    @Test
    void atLeastOneActivityAtATime() {
        assertThatThrownBy(() -> new TemporalSettings(Optional.of("x:1"), "default", "q", 0, false, 7233))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
