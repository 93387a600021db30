package org.orgllm.infrastructure.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.orgllm.inference.model.LoadOptions;
import org.orgllm.inference.model.WeightDtype;

/** The engine's load options as the configuration spells them (ORGLLM_DEVICE, ORGLLM_WEIGHT_DTYPE, ...). */
class InferenceRuntimeOptionsTest {

    @Test
    void theDefaultsKeepTheCheckpointsDtypeWithOneThreadPerCore() {
        LoadOptions o = InferenceRuntime.loadOptions("cpu", "stored", 0);
        assertThat(o.device().isCuda()).isFalse();
        assertThat(o.weightDtype()).isEqualTo(WeightDtype.STORED);
        assertThat(o.decodeThreads()).isEqualTo(LoadOptions.defaults().decodeThreads());
    }

    @Test
    void devicesDtypesAndThreadsAreParsedLeniently() {
        LoadOptions o = InferenceRuntime.loadOptions(" CUDA:1 ", "BF16", 3);
        assertThat(o.device().isCuda()).isTrue();
        assertThat(o.device().index()).isEqualTo(1);
        assertThat(o.weightDtype()).isEqualTo(WeightDtype.BF16);
        assertThat(o.decodeThreads()).isEqualTo(3);
        assertThat(InferenceRuntime.loadOptions("cuda", "float32", 0).device().index()).isZero();
        assertThat(InferenceRuntime.loadOptions("cpu", "fp32", 1).weightDtype()).isEqualTo(WeightDtype.FP32);
    }

    @Test
    void anUnknownValueNamesItsProperty() {
        assertThatThrownBy(() -> InferenceRuntime.loadOptions("tpu", "stored", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORGLLM_DEVICE").hasMessageContaining("tpu");
        assertThatThrownBy(() -> InferenceRuntime.loadOptions("cpu", "int4", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORGLLM_WEIGHT_DTYPE");
        assertThatThrownBy(() -> InferenceRuntime.loadOptions("cpu", "stored", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORGLLM_DECODE_THREADS");
        assertThatThrownBy(() -> InferenceRuntime.warmUpSteps(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORGLLM_WARMUP_STEPS");
    }

    @Test
    void warmUpStepsFromNoneUpward() {
        assertThat(InferenceRuntime.warmUpSteps(0)).isZero();
        assertThat(InferenceRuntime.warmUpSteps(16)).isEqualTo(16);
        assertThatThrownBy(() -> InferenceRuntime.warmUpSteps(100_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
