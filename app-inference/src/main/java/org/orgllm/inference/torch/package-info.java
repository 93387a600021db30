/**
 * libtorch plumbing: loading the natives once per JVM ({@link org.orgllm.inference.torch.TorchRuntime}),
 * choosing a device and compute dtype ({@link org.orgllm.inference.torch.DeviceSpec}), and small
 * conversions between Java arrays and tensors ({@link org.orgllm.inference.torch.Tensors}).
 */
package org.orgllm.inference.torch;
