/**
 * Per-token decoding policy of the engine, in plain Java on {@code float[]} logits: sampling
 * parameters and their validation ({@link org.orgllm.inference.sampling.SamplingParams}), the logits
 * processors and warpers in Hugging Face transformers' order with a seeded per-request draw
 * ({@link org.orgllm.inference.sampling.Sampler}, {@link org.orgllm.inference.sampling.LogitsProcessor}
 * for extra masks such as constrained decoding), stop conditions
 * ({@link org.orgllm.inference.sampling.StopChecker}, {@link org.orgllm.inference.sampling.FinishReason}),
 * and streaming text deltas that never split a UTF-8 character, a grapheme cluster or a stop string
 * ({@link org.orgllm.inference.sampling.StreamDecoder},
 * {@link org.orgllm.inference.sampling.GenerationStream}).
 *
 * <p>Nothing here touches libtorch: the engine copies the last-position logits of each row into a
 * {@code float[]} and hands it over, one sequence at a time. Instances are per sequence and not
 * thread-safe.
 */
package org.orgllm.inference.sampling;
