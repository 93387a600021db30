package org.orgllm.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orgllm.inference.engine.EngineTestSupport.WAIT;
import static org.orgllm.inference.engine.EngineTestSupport.greedy;
import static org.orgllm.inference.engine.EngineTestSupport.solo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgllm.inference.Fixtures;
import org.orgllm.inference.engine.EngineTestSupport.Gate;
import org.orgllm.inference.engine.EngineTestSupport.MaxBatch;
import org.orgllm.inference.registry.ModelsTree;
import org.orgllm.inference.sampling.FinishReason;
import org.orgllm.inference.sampling.SamplingParams;

/** Rows of different organizations in one batch give what each gives alone, and the reference vectors. */
class EngineBatchTest {

  @TempDir static Path dir;
  static InferenceEngine engine;
  static final MaxBatch batches = new MaxBatch();

  @BeforeAll
  static void open() {
    engine = EngineTestSupport.open(ModelsTree.create(dir), b -> b.metrics(batches).prefillChunkTokens(64));
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  /** Holds the inference thread with a gated request of {@code org}; returns the gate and its handle. */
  private static Gate hold(String org, GenerationHandle[] handle) throws InterruptedException {
    Gate gate = new Gate();
    handle[0] = engine.submit(greedy(org, new int[] {5, 6, 7}, 3).constraint(() -> gate).build());
    gate.awaitEntered();
    return gate;
  }

  @Test
  void mixedBatchGivesEachRequestItsSoloOutput() throws Exception {
    int[][] prompts = {{298, 117, 115, 267, 10}, {1, 2, 3}, {274, 277, 33, 290, 285, 264, 32, 52, 50, 46}};
    String[] orgs = {"acme", null, "beta"};
    List<GenerationRequest> requests = new ArrayList<>();
    for (int[] prompt : prompts) {
      for (String org : orgs) {
        requests.add(greedy(org, prompt, 12).build());
      }
    }
    List<GenerationResult> alone = new ArrayList<>();
    for (GenerationRequest r : requests) {
      alone.add(solo(engine, r));
    }
    GenerationHandle[] gated = new GenerationHandle[1];
    Gate gate = hold("beta", gated);
    List<GenerationHandle> together = new ArrayList<>();
    for (GenerationRequest r : requests) {
      together.add(engine.submit(r));
    }
    gate.open();
    for (int i = 0; i < requests.size(); i++) {
      GenerationResult r = together.get(i).result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(r.tokenIds()).as("request %d", i).containsExactly(alone.get(i).tokenIds());
      assertThat(r.text()).isEqualTo(alone.get(i).text());
      assertThat(r.adapterLabel()).isEqualTo(orgs[i % 3] == null ? "base" : orgs[i % 3] + "@v0");
      assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
    }
    assertThat(gated[0].result().get(WAIT.toSeconds(), TimeUnit.SECONDS).tokenIds()).hasSize(3);
    assertThat(batches.maxRows.get()).as("all rows shared a step").isGreaterThanOrEqualTo(requests.size() + 1);
    // The adapters really differ: otherwise this test could not tell rows apart.
    assertThat(alone.get(0).tokenIds()).isNotEqualTo(alone.get(1).tokenIds());
    assertThat(alone.get(2).tokenIds()).isNotEqualTo(alone.get(1).tokenIds());
    assertThat(alone.get(0).tokenIds()).isNotEqualTo(alone.get(2).tokenIds());
  }

  @Test
  void batchedRequestsReproduceTheReferenceGreedyIds() throws Exception {
    List<JsonNode> cases = new ArrayList<>();
    for (JsonNode c : Fixtures.expected().get("model_cases")) {
      boolean ours = c.get("model").asText().equals("tiny-qwen2")
          && (c.get("adapter").isNull() || c.get("adapter").asText().equals("tiny-qwen2-lora-acme"));
      if (ours && c.get("greedy_min_top2_gap").asDouble() > 1e-3) {
        cases.add(c);
      }
    }
    assertThat(cases).hasSizeGreaterThanOrEqualTo(10);
    GenerationHandle[] gated = new GenerationHandle[1];
    Gate gate = hold("beta", gated);
    List<GenerationHandle> handles = new ArrayList<>();
    for (JsonNode c : cases) {
      SamplingParams sampling = SamplingParams.builder().temperature(0).maxNewTokens(c.get("steps").asInt())
          .ignoreEos(c.path("ignore_eos").asBoolean(false)).build();
      handles.add(engine.submit(GenerationRequest.builder()
          .organization(c.get("adapter").isNull() ? null : "acme")
          .promptIds(Fixtures.ints(c.get("ids"))).sampling(sampling).build()));
    }
    gate.open();
    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      GenerationResult r = handles.get(i).result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(r.tokenIds()).as("%s / %s", c.get("name"), c.get("adapter"))
          .containsExactly(Fixtures.ints(c.get("greedy_new_ids")));
      assertThat(r.finishReason()).isEqualTo(c.get("stopped_on_eos").asBoolean() ? FinishReason.STOP : FinishReason.LENGTH);
      assertThat(r.usage().promptTokens()).isEqualTo(c.get("ids").size());
    }
  }

  @Test
  void deltasStreamTheFinalTextThroughListenerAndPublisher() throws Exception {
    List<String> heard = new CopyOnWriteArrayList<>();
    GenerationHandle h = engine.submit(greedy("acme", new int[] {298, 117, 115, 267, 10}, 24).listener(heard::add).build());
    GenerationResult r = h.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(String.join("", heard)).isEqualTo(r.text());
    assertThat(heard).allSatisfy(d -> assertThat(d).isNotEmpty());

    // A subscriber arriving after the end still gets every delta, one by one as requested.
    CompletableFuture<String> published = new CompletableFuture<>();
    h.deltas().subscribe(new Flow.Subscriber<>() {
      private final StringBuilder text = new StringBuilder();
      private Flow.Subscription subscription;

      @Override
      public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
      }

      @Override
      public void onNext(String item) {
        text.append(item);
        subscription.request(1);
      }

      @Override
      public void onError(Throwable t) {
        published.completeExceptionally(t);
      }

      @Override
      public void onComplete() {
        published.complete(text.toString());
      }
    });
    assertThat(published.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(r.text());
    assertThat(r.usage().completionTokens()).isEqualTo(24);
    assertThat(r.timings().timeToFirstToken()).isPositive();
    assertThat(r.timings().meanInterToken()).isPositive();
    assertThat(r.timings().total()).isGreaterThanOrEqualTo(r.timings().timeToFirstToken());
    assertThat(Arrays.stream(r.tokenIds()).allMatch(id -> id >= 0 && id < 300)).isTrue();
  }

  @Test
  void seededSamplingIsReproducibleInsideABatch() throws Exception {
    SamplingParams sampling = SamplingParams.builder().temperature(0.9).topP(0.95).seed(1234L).maxNewTokens(16)
        .ignoreEos(true).build();
    GenerationRequest request = GenerationRequest.builder().organization("beta").promptIds(1, 2, 3).sampling(sampling).build();
    GenerationResult alone = solo(engine, request);
    GenerationHandle[] gated = new GenerationHandle[1];
    Gate gate = hold("acme", gated);
    GenerationHandle a = engine.submit(request);
    GenerationHandle b = engine.submit(greedy(null, new int[] {9, 9, 9}, 16).build());
    gate.open();
    assertThat(a.result().get(WAIT.toSeconds(), TimeUnit.SECONDS).tokenIds()).containsExactly(alone.tokenIds());
    b.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }
}
