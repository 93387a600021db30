/**
 * The decoder-only transformer shared by the supported families, written to read like Hugging Face's
 * {@code modeling_qwen2.py}: {@link org.orgllm.inference.model.DecoderModel#forward} runs a batch of
 * rows (each with its own {@link org.orgllm.inference.model.KvCache}, new tokens and optional LoRA
 * adapter) as one packed matrix. Family differences live in the sub-packages {@code llama}, {@code
 * qwen2} and {@code qwen3}. {@link org.orgllm.inference.model.ModelLoader} builds a model from a
 * folder; {@link org.orgllm.inference.model.GreedyDecoder} is the simplest generation loop. On the
 * CPU, decode steps (one new token per row, up to 64 rows) go through {@code FusedDecode}, which
 * computes the same layer steps in Java over the same weights and caches without a libtorch call per
 * layer, its threads claiming heads and chunks of features phase by phase.
 */
package org.orgllm.inference.model;
