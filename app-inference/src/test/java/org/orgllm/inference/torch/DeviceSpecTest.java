package org.orgllm.inference.torch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.orgllm.inference.Fixtures;
import org.orgllm.inference.model.DecoderModel;
import org.orgllm.inference.model.KvCache;
import org.orgllm.inference.model.LoadOptions;
import org.orgllm.inference.model.ModelLoader;
import org.orgllm.inference.model.Row;
import org.orgllm.inference.model.WeightDtype;

class DeviceSpecTest {

  static boolean cudaAvailable() {
    return TorchRuntime.cudaAvailable();
  }

  @Test
  void cpuComputesInFloat32AndAutoFallsBackToIt() {
    assertThat(DeviceSpec.cpu().computeType()).isEqualTo(ScalarType.Float);
    assertThat(DeviceSpec.cpu().isCuda()).isFalse();
    assertThat(DeviceSpec.cuda(0).computeType()).isEqualTo(ScalarType.BFloat16);
    assertThat(DeviceSpec.auto().isCuda()).isEqualTo(torch.cuda_is_available());
  }

  @Test
  void runtimeSetsTheIntraOpThreads() {
    TorchRuntime.init(1);
    assertThat(torch.get_num_threads()).isEqualTo(1);
    TorchRuntime.init(2);
    assertThat(torch.get_num_threads()).isEqualTo(2);
  }

  @Test
  @Tag("cuda")
  @EnabledIf("cudaAvailable")
  void aCudaModelAgreesWithTheCpuInBf16Tolerance() {
    int[] ids = {298, 117, 115, 267, 10};
    DecoderModel cpu = ModelLoader.load(Fixtures.folder("tiny-qwen2"));
    DecoderModel gpu = ModelLoader.load(Fixtures.folder("tiny-qwen2"), new LoadOptions(WeightDtype.BF16, DeviceSpec.cuda(0)));
    float[] a;
    float[] b;
    try (KvCache c1 = KvCache.of(cpu); KvCache c2 = KvCache.of(gpu)) {
      a = Tensors.toFloats(cpu.forward(List.of(Row.of(c1, ids))).lastLogits());
      b = Tensors.toFloats(gpu.forward(List.of(Row.of(c2, ids))).lastLogits());
    }
    for (int i = 0; i < a.length; i++) {
      assertThat(b[i]).isCloseTo(a[i], org.assertj.core.api.Assertions.within(0.1f));
    }
  }
}
