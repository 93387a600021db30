/**
 * The OrgLLM inference engine: a plain-Java library (no Jakarta EE) that runs Hugging Face decoder
 * models (Qwen2, Qwen3, Llama, Mistral) on libtorch through JavaCPP, with PEFT LoRA adapters.
 */
package org.orgllm.inference;
