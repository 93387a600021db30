/**
 * libtorch plumbing and the CPU projection kernels: loading the natives once per JVM ({@link
 * org.orgllm.inference.torch.TorchRuntime}), choosing a device and compute dtype ({@link
 * org.orgllm.inference.torch.DeviceSpec}), small conversions between Java arrays and tensors ({@link
 * org.orgllm.inference.torch.Tensors}), splitting a projection over the engine's threads ({@link
 * org.orgllm.inference.torch.ParallelMatVec}), and the Java Vector API kernel for bf16 weights and
 * small batches ({@link org.orgllm.inference.torch.SimdKernels}).
 */
package org.orgllm.inference.torch;
