/**
 * Llama (and Mistral, which differs only by having no {@code attention_bias} key and an optional
 * {@code sliding_window}, applied by the common attention mask): biases on q/k/v/o when {@code
 * attention_bias}, on the MLP when {@code mlp_bias}.
 */
package org.orgllm.inference.model.llama;
