/**
 * Reads and writes the safetensors format: a little-endian u64 header length, a JSON header naming
 * each tensor's dtype, shape and byte range, then the raw data. {@link
 * org.orgllm.inference.safetensors.SafetensorsFile} memory-maps a file and hands out zero-copy
 * libtorch tensors; {@link org.orgllm.inference.safetensors.SafetensorsIndex} resolves sharded
 * checkpoints; {@link org.orgllm.inference.safetensors.SafetensorsWriter} writes files for tests and
 * demo models.
 */
package org.orgllm.inference.safetensors;
