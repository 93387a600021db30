/**
 * The engine speed benchmark behind {@code orgllm bench}: a Qwen2.5-0.5B-shaped random checkpoint
 * ({@link org.orgllm.inference.bench.BenchModel}), a memory-bandwidth probe measured in the same run
 * ({@link org.orgllm.inference.bench.Bandwidth}), one timed mode per JVM ({@link
 * org.orgllm.inference.bench.ModeBench}) and the report that compares decode with the roofline
 * ({@link org.orgllm.inference.bench.BenchReport}).
 */
package org.orgllm.inference.bench;
