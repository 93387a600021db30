/**
 * Typed views of a Hugging Face model folder's {@code config.json} ({@link
 * org.orgllm.inference.config.ModelConfig}) and {@code generation_config.json} ({@link
 * org.orgllm.inference.config.GenerationConfig}), with the defaults transformers applies when a key
 * is absent.
 */
package org.orgllm.inference.config;
