package org.orgllm.inference.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgllm.inference.ModelLoadException;
import org.orgllm.inference.torch.Tensors;
import org.orgllm.inference.torch.TorchRuntime;

class SafetensorsIndexTest {

  @TempDir Path dir;

  @Test
  void resolvesTensorsAcrossShards() throws IOException {
    TorchRuntime.init();
    new SafetensorsWriter().addF32("a", new long[] {2}, new float[] {1, 2}).write(dir.resolve("model-00001-of-00002.safetensors"));
    new SafetensorsWriter().addF32("b", new long[] {1}, new float[] {3}).write(dir.resolve("model-00002-of-00002.safetensors"));
    Files.writeString(dir.resolve(SafetensorsIndex.INDEX_FILE), """
        {"metadata": {"total_size": 12}, "weight_map": {
          "a": "model-00001-of-00002.safetensors", "b": "model-00002-of-00002.safetensors"}}
        """);
    SafetensorsIndex index = SafetensorsIndex.open(dir);
    assertThat(index.names()).containsExactlyInAnyOrder("a", "b");
    assertThat(index.files()).hasSize(2);
    assertThat(Tensors.toFloats(index.tensor("a"))).containsExactly(1f, 2f);
    assertThat(Tensors.toFloats(index.tensor("b"))).containsExactly(3f);
    assertThat(index.fileOf("b").path().getFileName().toString()).isEqualTo("model-00002-of-00002.safetensors");
  }

  @Test
  void anIndexPointingAtAMissingTensorNamesTheShard() throws IOException {
    new SafetensorsWriter().addF32("a", new long[] {1}, new float[] {1}).write(dir.resolve("s1.safetensors"));
    Files.writeString(dir.resolve(SafetensorsIndex.INDEX_FILE), "{\"weight_map\": {\"a\": \"s1.safetensors\", \"zz\": \"s1.safetensors\"}}");
    assertThatThrownBy(() -> SafetensorsIndex.open(dir))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("s1.safetensors").hasMessageContaining("'zz'");
  }

  @Test
  void aFolderWithoutWeightsIsRejected() {
    assertThatThrownBy(() -> SafetensorsIndex.open(dir))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("model.safetensors");
  }
}
