/**
 * Text to token ids and back with a model folder's {@code tokenizer.json}, through the Hugging Face
 * tokenizers library (DJL's native binding, offline).
 */
package org.orgllm.inference.tokenizer;
