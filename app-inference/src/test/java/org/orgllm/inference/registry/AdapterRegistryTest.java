package org.orgllm.inference.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgllm.inference.Fixtures;
import org.orgllm.inference.config.ModelConfig;
import org.orgllm.inference.engine.RandomCheckpoints;
import org.orgllm.inference.lora.Projection;
import org.orgllm.inference.torch.DeviceSpec;
import org.orgllm.inference.torch.TorchRuntime;

class AdapterRegistryTest {

  @TempDir Path dir;
  private Path root;
  private ModelConfig base;
  private final List<String> events = new ArrayList<>();

  @BeforeAll
  static void torch() {
    TorchRuntime.init(2);
  }

  @BeforeEach
  void tree() {
    root = ModelsTree.create(dir);
    base = ModelConfig.read(Fixtures.folder("tiny-qwen2"));
  }

  private AdapterRegistry registry(int size, long bytes, boolean strict) {
    AdapterCache cache = new AdapterCache(size, bytes, new AdapterCache.Listener() {
      @Override
      public void hit(AdapterKey key) {
        events.add("hit " + key);
      }

      @Override
      public void miss(AdapterKey key) {
        events.add("miss " + key);
      }

      @Override
      public void evicted(AdapterKey key, long b) {
        events.add("evict " + key);
      }
    });
    return new AdapterRegistry(new ModelStore(root), cache, base, DeviceSpec.cpu(), ModelsTree.BASE, strict);
  }

  @Test
  void loadsOnDemandAndCountsHitsMissesEvictions() {
    AdapterRegistry registry = registry(1, Long.MAX_VALUE, true);
    AdapterKey acme = registry.activeVersion("acme");
    AdapterKey beta = registry.activeVersion("beta");
    registry.acquire(acme).close();
    registry.acquire(acme).close();
    registry.acquire(beta).close();
    assertThat(events).containsExactly("miss acme@v0", "hit acme@v0", "miss beta@v0", "evict acme@v0");
    AdapterCacheStats stats = registry.cacheStats();
    assertThat(stats.hits()).isEqualTo(1);
    assertThat(stats.misses()).isEqualTo(2);
    assertThat(stats.evictions()).isEqualTo(1);
    assertThat(stats.entries()).isEqualTo(1);
    assertThat(registry.loaded()).containsOnlyKeys(beta);
  }

  @Test
  void byteBoundEvictsLeastRecentlyUsed() {
    long one = adapterBytes();
    AdapterRegistry registry = registry(8, 2 * one, true);
    ModelsTree.writeRandomAdapter(root.resolve("trained/org-gamma"), 11, ModelsTree.BASE);
    AdapterKey acme = registry.activeVersion("acme");
    AdapterKey beta = registry.activeVersion("beta");
    AdapterKey gamma = registry.activeVersion("gamma");
    registry.acquire(acme).close();
    registry.acquire(beta).close();
    registry.acquire(acme).close(); // beta is now the least recently used
    registry.acquire(gamma).close();
    assertThat(registry.loaded()).containsOnlyKeys(acme, gamma);
    assertThat(registry.cacheStats().bytes()).isEqualTo(2 * one);
  }

  @Test
  void evictedAdapterStaysValidUntilTheLastLeaseCloses() {
    AdapterRegistry registry = registry(1, Long.MAX_VALUE, true);
    AdapterKey acme = registry.activeVersion("acme");
    AdapterLease running = registry.acquire(acme);
    AdapterLease second = registry.acquire(acme);
    registry.acquire(registry.activeVersion("beta")).close(); // evicts acme while two leases hold it
    assertThat(registry.cacheStats().retiredInUse()).isEqualTo(1);
    assertThat(running.adapter().weights(0, Projection.q_proj)).isNotNull();
    running.close();
    running.close(); // idempotent: must not drop the second holder's reference
    assertThat(second.adapter().weights(0, Projection.q_proj)).isNotNull();
    var adapter = second.adapter();
    second.close();
    assertThat(registry.cacheStats().retiredInUse()).isZero();
    assertThat(adapter.weights(0, Projection.q_proj)).as("freed after the last lease").isNull();
    assertThatThrownBy(second::adapter).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void unusedEntriesAreEvictedBeforeOnesInUse() {
    AdapterRegistry registry = registry(2, Long.MAX_VALUE, true);
    ModelsTree.writeRandomAdapter(root.resolve("trained/org-gamma"), 11, ModelsTree.BASE);
    AdapterKey acme = registry.activeVersion("acme");
    AdapterKey beta = registry.activeVersion("beta");
    AdapterLease held = registry.acquire(acme); // oldest, but in use
    registry.acquire(beta).close();
    registry.acquire(registry.activeVersion("gamma")).close();
    assertThat(registry.loaded()).containsKey(acme).doesNotContainKey(beta);
    held.close();
  }

  @Test
  void adapterWithOtherShapesIsRefused() throws IOException {
    ModelConfig other = new ModelConfig(base.family(), base.hiddenSize(), base.intermediateSize() * 2,
        base.numHiddenLayers(), base.numAttentionHeads(), base.numKeyValueHeads(), base.headDim(), base.vocabSize(),
        base.maxPositionEmbeddings(), base.rmsNormEps(), base.ropeTheta(), base.ropeScaling(), base.attentionBias(),
        base.mlpBias(), base.slidingWindow(), base.tieWordEmbeddings(), base.torchDtype());
    RandomCheckpoints.writeAdapter(root.resolve("trained/org-wide"), other, 4, 5, ModelsTree.BASE, 0.1);
    AdapterRegistry registry = registry(8, Long.MAX_VALUE, true);
    assertThatThrownBy(() -> registry.acquire(registry.activeVersion("wide")))
        .isInstanceOf(AdapterLoadException.class).hasMessageContaining("adapter for another base");
    assertThat(registry.cacheStats().entries()).isZero();
  }

  @Test
  void baseNameIsComparedLenientlyAndTheStrictCheckIsConfigurable() {
    ModelsTree.writeRandomAdapter(root.resolve("trained/org-hub"), 5, "SomeOrg/Tiny-Qwen2");
    ModelsTree.writeRandomAdapter(root.resolve("trained/org-path"), 6, "/home/trainer/models/base/tiny-qwen2/");
    ModelsTree.writeRandomAdapter(root.resolve("trained/org-other"), 7, "Qwen/Qwen2.5-3B-Instruct");
    AdapterRegistry strict = registry(8, Long.MAX_VALUE, true);
    strict.acquire(strict.activeVersion("hub")).close();
    strict.acquire(strict.activeVersion("path")).close();
    assertThatThrownBy(() -> strict.acquire(strict.activeVersion("other")))
        .isInstanceOf(AdapterLoadException.class)
        .hasMessageContaining("Qwen/Qwen2.5-3B-Instruct").hasMessageContaining("tiny-qwen2");
    AdapterRegistry lenient = registry(8, Long.MAX_VALUE, false);
    lenient.acquire(lenient.activeVersion("other")).close();
  }

  @Test
  void corruptAdapterFailsWithoutBeingCachedAndLoadsOnceRepaired() throws IOException {
    Path org = root.resolve("trained/org-broken");
    ModelsTree.copyFolder(root.resolve("trained/org-acme"), org);
    Path weights = org.resolve("adapter_model.safetensors");
    byte[] good = Files.readAllBytes(weights);
    Files.write(weights, Arrays.copyOf(good, good.length / 2));
    AdapterRegistry registry = registry(8, Long.MAX_VALUE, true);
    AdapterKey key = registry.activeVersion("broken");
    assertThatThrownBy(() -> registry.acquire(key)).isInstanceOf(AdapterLoadException.class)
        .hasMessageContaining("broken@v0").hasMessageContaining("adapter_model.safetensors");
    Files.write(weights, good);
    registry.acquire(key).close();
    assertThat(registry.cacheStats().misses()).isEqualTo(2);
  }

  @Test
  void activationEvictsOtherVersionsOfThatOrganizationOnly() {
    Path org = root.resolve("trained/org-multi");
    ModelsTree.writeRandomAdapter(org.resolve("v1"), 1, ModelsTree.BASE);
    ModelsTree.writeRandomAdapter(org.resolve("v2"), 2, ModelsTree.BASE);
    AdapterRegistry registry = registry(8, Long.MAX_VALUE, true);
    registry.activate("multi", "v1");
    AdapterKey v1 = registry.activeVersion("multi");
    AdapterLease running = registry.acquire(v1);
    registry.acquire(registry.activeVersion("acme")).close();
    registry.activate("multi", "v2");
    assertThat(registry.activeVersion("multi").version()).isEqualTo("v2");
    assertThat(registry.loaded()).doesNotContainKey(v1).containsKey(registry.activeVersion("acme"));
    assertThat(running.adapter().weights(1, Projection.down_proj)).isNotNull();
    running.close();
    assertThat(registry.cacheStats().retiredInUse()).isZero();
    assertThat(registry.versions("multi")).containsExactly("v1", "v2");
    assertThat(registry.evict("acme")).isEqualTo(1);
  }

  private long adapterBytes() {
    AdapterRegistry probe = registry(8, Long.MAX_VALUE, true);
    try (AdapterLease l = probe.acquire(probe.activeVersion("acme"))) {
      return l.adapter().byteSize();
    }
  }
}
