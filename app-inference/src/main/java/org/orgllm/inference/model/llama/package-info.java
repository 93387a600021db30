/**
 * Llama (and Mistral, which differs only by having no {@code attention_bias} key and a sliding window
 * this engine does not use): biases on q/k/v/o when {@code attention_bias}, on the MLP when {@code
 * mlp_bias}.
 */
package org.orgllm.inference.model.llama;
