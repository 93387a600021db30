/**
 * Chat prompt formatting: {@link org.orgllm.inference.template.ChatTemplate} turns a conversation
 * into the prompt text a model expects, from the Jinja {@code chat_template} of a Hugging Face
 * tokenizer_config.json, reproducing transformers' {@code apply_chat_template} output exactly. The
 * Jinja engine itself is in {@link org.orgllm.inference.template.jinja}.
 */
package org.orgllm.inference.template;
