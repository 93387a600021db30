/**
 * PEFT LoRA adapters applied unmerged: {@code y = base(x) + scale * (x A^T) B^T}. {@link
 * org.orgllm.inference.lora.LoraAdapter} loads and validates an adapter folder against its base
 * model's config; {@link org.orgllm.inference.lora.LoraBatch} groups the packed token rows of a batch
 * by adapter so rows with different adapters (or none) share one base matmul.
 */
package org.orgllm.inference.lora;
