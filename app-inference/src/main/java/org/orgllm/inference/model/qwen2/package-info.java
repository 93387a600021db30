/** Qwen2: the Llama decoder with biases on q/k/v (always) and none on o_proj or the MLP. */
package org.orgllm.inference.model.qwen2;
