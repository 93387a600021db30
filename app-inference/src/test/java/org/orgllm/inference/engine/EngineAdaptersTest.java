package org.orgllm.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orgllm.inference.engine.EngineTestSupport.WAIT;
import static org.orgllm.inference.engine.EngineTestSupport.greedy;
import static org.orgllm.inference.engine.EngineTestSupport.solo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgllm.inference.engine.EngineTestSupport.Gate;
import org.orgllm.inference.registry.AdapterLoadException;
import org.orgllm.inference.registry.ModelsTree;

/** Adapter cache, versions and failures as seen through the engine, and concurrent submitters. */
class EngineAdaptersTest {

  private static final int[] PROMPT = {298, 117, 115, 267, 10};

  @TempDir Path dir;
  private InferenceEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void evictionThenReloadGivesIdenticalOutputs() throws Exception {
    engine = EngineTestSupport.open(ModelsTree.create(dir), b -> b.adapterCacheSize(1));
    GenerationResult first = solo(engine, greedy("acme", PROMPT, 10).build());
    solo(engine, greedy("beta", PROMPT, 10).build()); // evicts acme
    GenerationResult again = solo(engine, greedy("acme", PROMPT, 10).build());
    assertThat(again.tokenIds()).containsExactly(first.tokenIds());
    EngineMetrics m = engine.metrics();
    assertThat(m.adapterCache().misses()).isEqualTo(3);
    assertThat(m.adapterCache().evictions()).isEqualTo(2);
    assertThat(m.adapterCache().entries()).isEqualTo(1);
    assertThat(m.perAdapter().get("acme@v0").cacheMisses()).isEqualTo(2);
    assertThat(m.perAdapter().get("acme@v0").cacheEvictions()).isEqualTo(1);
    assertThat(m.perAdapter().get("acme@v0").tokensGenerated()).isEqualTo(20);
    solo(engine, greedy("acme", PROMPT, 2).build());
    assertThat(engine.metrics().perAdapter().get("acme@v0").cacheHits()).isEqualTo(1);
  }

  @Test
  void aCorruptAdapterFailsOnlyItsOrganization() throws Exception {
    Path root = ModelsTree.create(dir);
    Path broken = root.resolve("trained/org-broken");
    ModelsTree.copyFolder(root.resolve("trained/org-acme"), broken);
    Path weights = broken.resolve("adapter_model.safetensors");
    Files.write(weights, Arrays.copyOf(Files.readAllBytes(weights), 100));
    engine = EngineTestSupport.open(root, b -> {});
    GenerationResult acmeAlone = solo(engine, greedy("acme", PROMPT, 8).build());

    Gate gate = new Gate();
    GenerationHandle held = engine.submit(greedy(null, new int[] {1}, 2).constraint(() -> gate).build());
    gate.awaitEntered();
    GenerationHandle bad = engine.submit(greedy("broken", PROMPT, 8).build());
    GenerationHandle acme = engine.submit(greedy("acme", PROMPT, 8).build());
    GenerationHandle base = engine.submit(greedy(null, PROMPT, 8).build());
    gate.open();
    assertThatThrownBy(() -> bad.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).cause()
        .isInstanceOf(AdapterLoadException.class).hasMessageContaining("broken@v0");
    assertThat(acme.result().get(WAIT.toSeconds(), TimeUnit.SECONDS).tokenIds()).containsExactly(acmeAlone.tokenIds());
    assertThat(base.result().get(WAIT.toSeconds(), TimeUnit.SECONDS).usage().completionTokens()).isEqualTo(8);
    held.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    // And later requests are still served.
    assertThat(solo(engine, greedy("beta", PROMPT, 4).build()).usage().completionTokens()).isEqualTo(4);
    assertThat(engine.metrics().perAdapter().get("broken@v0").failures()).isEqualTo(1);
  }

  @Test
  void activatingAVersionLeavesRunningRequestsOnTheOldOne() throws Exception {
    Path root = ModelsTree.create(dir);
    Path multi = root.resolve("trained/org-multi");
    ModelsTree.copyFolder(root.resolve("trained/org-acme"), multi.resolve("v1"));
    ModelsTree.copyFolder(root.resolve("trained/org-beta"), multi.resolve("v2"));
    Files.writeString(multi.resolve("ACTIVE"), "v1\n");
    engine = EngineTestSupport.open(root, b -> {});
    GenerationResult acmeAlone = solo(engine, greedy("acme", PROMPT, 12).build());
    GenerationResult betaAlone = solo(engine, greedy("beta", PROMPT, 12).build());

    Gate gate = new Gate(); // holds the v1 request after its first token
    GenerationHandle onV1 = engine.submit(greedy("multi", PROMPT, 12).constraint(() -> gate).build());
    gate.awaitEntered();
    engine.registry().activate("multi", "v2");
    GenerationHandle onV2 = engine.submit(greedy("multi", PROMPT, 12).build());
    gate.open();

    GenerationResult old = onV1.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    GenerationResult fresh = onV2.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(old.adapterLabel()).isEqualTo("multi@v1");
    assertThat(old.tokenIds()).containsExactly(acmeAlone.tokenIds());
    assertThat(fresh.adapterLabel()).isEqualTo("multi@v2");
    assertThat(fresh.tokenIds()).containsExactly(betaAlone.tokenIds());
    assertThat(engine.registry().loaded().keySet()).extracting(Object::toString).contains("multi@v2")
        .doesNotContain("multi@v1");
    assertThat(engine.metrics().adapterCache().retiredInUse()).as("v1 freed once its request ended").isZero();
  }

  @Test
  void manyThreadsSubmittingConcurrentlyAllGetTheirOwnOutput() throws Exception {
    engine = EngineTestSupport.open(ModelsTree.create(dir), b -> b.maxBatchRows(6).queueCapacity(64));
    String[] orgs = {"acme", null, "beta"};
    int[][] prompts = {{1, 2, 3}, {298, 117, 115, 267, 10}, {50, 60, 70, 80}};
    Map<String, int[]> expected = new HashMap<>();
    for (String org : orgs) {
      for (int p = 0; p < prompts.length; p++) {
        expected.put(org + "/" + p, solo(engine, greedy(org, prompts[p], 8).build()).tokenIds());
      }
    }
    int threads = 8;
    int perThread = 3;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          List<String> mismatches = new ArrayList<>();
          List<GenerationHandle> handles = new ArrayList<>();
          List<String> keys = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            String org = orgs[(thread + i) % orgs.length];
            int p = (thread * 7 + i) % prompts.length;
            keys.add(org + "/" + p);
            handles.add(engine.submit(greedy(org, prompts[p], 8).build()));
          }
          for (int i = 0; i < perThread; i++) {
            int[] ids = handles.get(i).result().get(WAIT.toSeconds(), TimeUnit.SECONDS).tokenIds();
            if (!Arrays.equals(ids, expected.get(keys.get(i)))) {
              mismatches.add(keys.get(i) + ": " + Arrays.toString(ids));
            }
          }
          return mismatches;
        }));
      }
      for (Future<List<String>> f : futures) {
        assertThat(f.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
    EngineMetrics m = engine.metrics();
    assertThat(m.queueDepth()).isZero();
    assertThat(m.runningRows()).isZero();
    assertThat(m.kvCachesOpen()).isZero();
    long requests = m.perAdapter().values().stream().mapToLong(AdapterMetrics::requests).sum();
    assertThat(requests).isEqualTo(9 + threads * perThread);
  }
}
