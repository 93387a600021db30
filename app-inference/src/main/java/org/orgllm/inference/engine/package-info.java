/**
 * The serving engine: ONE base model in memory, each organization's LoRA adapter applied per
 * request, requests of different organizations batched together (as vLLM, LoRAX and S-LoRA do).
 * This is the API the EJB layer codes against.
 *
 * <pre>{@code
 * InferenceEngine engine = InferenceEngine.open(EngineConfig.builder()
 *     .modelsRoot(Path.of("models")).baseModel("qwen2.5-3b-instruct")   // or baseModel(Path)
 *     .queueCapacity(64).maxBatchRows(16).kvBudgetTokens(32_768)
 *     .adapterCacheSize(8).adapterCacheBytes(2L << 30).metrics(listener).build());
 *
 * GenerationHandle h = engine.submit(GenerationRequest.builder()
 *     .organization("techcorp")                 // null: the plain base model
 *     .promptIds(engine.tokenizer().encode(prompt))
 *     .sampling(SamplingParams.builder().temperature(0.7).seed(42L).maxNewTokens(256).build())
 *     .constraint(() -> jsonSchemaConstraint)   // optional TokenConstraint per request
 *     .deadline(Duration.ofSeconds(30))
 *     .listener(delta -> sse.send(delta))       // optional; runs on the inference thread
 *     .build());
 * h.deltas();   // Flow.Publisher<String>, replayed from the start for each subscriber
 * h.result();   // CompletableFuture<GenerationResult>: text, ids, finish reason, usage, timings, adapter
 * h.cancel();   // leaves the batch at the next step, frees its KV cache
 *
 * engine.registry().versions("techcorp"); engine.registry().activate("techcorp", "v4");
 * engine.metrics();  // EngineMetrics snapshot
 * engine.close();
 * }</pre>
 *
 * <p>Typed failures: at {@code submit}, {@link org.orgllm.inference.registry.InvalidOrganizationException},
 * {@link org.orgllm.inference.registry.NoAdapterException} ("no model for organization X"),
 * {@link org.orgllm.inference.engine.ContextLengthExceededException},
 * {@link org.orgllm.inference.engine.OverloadedException} (queue full, with {@code retryAfter()}) and
 * {@link org.orgllm.inference.engine.EngineClosedException}; through the result future,
 * {@link org.orgllm.inference.engine.DeadlineExceededException} (with the partial result),
 * {@link org.orgllm.inference.registry.AdapterLoadException} (corrupt adapter or one made for another
 * base: only that organization fails) and {@link org.orgllm.inference.engine.EngineException}.
 *
 * <p>Scheduling: a bounded queue feeds one inference thread ({@code Scheduler}). Each step it drops
 * cancelled and expired sequences, admits waiting ones while {@code maxBatchRows} and the KV budget
 * (each sequence reserves prompt + max new tokens, so a running sequence never has to be preempted)
 * allow, and runs one forward with a decode token for every running sequence plus at most
 * {@code prefillChunkTokens} prompt tokens of those still prefilling. Rows carry their own adapter;
 * the model runs each projection as one matmul for all rows and adds each adapter's low-rank delta
 * to its own rows. Each row's logits are sampled by its own {@code Sampler} (per-request seed,
 * the constraint first) and its text streamed by a {@code GenerationStream}.
 *
 * <p>Adapters are resolved to their active version at submit and leased from the registry's cache at
 * admission: a running request keeps its adapter object even if a new version is activated or the
 * cache evicts it, and the evicted adapter is freed when its last request ends.
 */
package org.orgllm.inference.engine;
