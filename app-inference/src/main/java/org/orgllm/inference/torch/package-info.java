/**
 * libtorch plumbing and the CPU projection kernels: loading the natives once per JVM ({@link
 * org.orgllm.inference.torch.TorchRuntime}), choosing a device and compute dtype ({@link
 * org.orgllm.inference.torch.DeviceSpec}), small conversions between Java arrays and tensors ({@link
 * org.orgllm.inference.torch.Tensors}), splitting a projection over the engine's threads ({@link
 * org.orgllm.inference.torch.ParallelMatVec}), the Java Vector API kernels over memory segments
 * ({@link org.orgllm.inference.torch.DecodeKernels}: projections of a few rows against fp32 or bf16
 * weights, attention over a KV cache, SwiGLU) with their tensor-facing entry point for the libtorch
 * path ({@link org.orgllm.inference.torch.SimdKernels}), and the barrier the fused decode step's
 * threads meet at ({@link org.orgllm.inference.torch.SpinBarrier}).
 */
package org.orgllm.inference.torch;
