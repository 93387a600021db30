/**
 * Qwen3: the Llama decoder plus {@code q_norm} / {@code k_norm}, RMSNorms over head_dim applied to
 * every query and key head before RoPE; biases follow {@code attention_bias}.
 */
package org.orgllm.inference.model.qwen3;
