/**
 * The command line: {@code logits} prints the reference-vector report of a prompt (the fields of an
 * expected.json {@code model_cases} entry), {@code generate} decodes greedily from a text prompt,
 * {@code bench} times prefill and decode.
 */
package org.orgllm.inference.cli;
