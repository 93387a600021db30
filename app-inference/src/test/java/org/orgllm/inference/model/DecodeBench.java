package org.orgllm.inference.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.pytorch.global.torch;
import org.orgllm.inference.safetensors.SafetensorsWriter;
import org.orgllm.inference.torch.TorchRuntime;

/**
 * Manual benchmark (not a test): a random Qwen2-0.5B-shaped model with {@code layers} layers, timed
 * for a 64-token prefill and 32 decode steps, with one and with two decode threads.
 * {@code java -cp ... org.orgllm.inference.model.DecodeBench [layers] [folder]}
 */
public final class DecodeBench {

  private DecodeBench() {}

  public static void main(String[] args) throws IOException {
    int layers = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    Path folder = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("orgllm-bench");
    TorchRuntime.init(2);
    long hidden = 896;
    long inter = 4864;
    long vocab = 32000;
    if (!Files.exists(folder.resolve("model.safetensors"))) {
      Files.writeString(folder.resolve("config.json"), """
          {"architectures": ["Qwen2ForCausalLM"], "hidden_size": 896, "intermediate_size": 4864,
           "num_hidden_layers": %d, "num_attention_heads": 14, "num_key_value_heads": 2, "vocab_size": 32000,
           "max_position_embeddings": 4096, "rope_theta": 1000000.0, "tie_word_embeddings": true}
          """.formatted(layers));
      SafetensorsWriter w = new SafetensorsWriter();
      w.add("model.embed_tokens.weight", torch.randn(vocab, hidden).mul_(new org.bytedeco.pytorch.Scalar(0.02)));
      w.add("model.norm.weight", torch.ones(hidden));
      for (int i = 0; i < layers; i++) {
        String p = "model.layers." + i + ".";
        w.add(p + "input_layernorm.weight", torch.ones(hidden));
        w.add(p + "post_attention_layernorm.weight", torch.ones(hidden));
        w.add(p + "self_attn.q_proj.weight", torch.randn(hidden, hidden).mul_(new org.bytedeco.pytorch.Scalar(0.02)));
        w.add(p + "self_attn.q_proj.bias", torch.zeros(hidden));
        w.add(p + "self_attn.k_proj.weight", torch.randn(128, hidden).mul_(new org.bytedeco.pytorch.Scalar(0.02)));
        w.add(p + "self_attn.k_proj.bias", torch.zeros(128));
        w.add(p + "self_attn.v_proj.weight", torch.randn(128, hidden).mul_(new org.bytedeco.pytorch.Scalar(0.02)));
        w.add(p + "self_attn.v_proj.bias", torch.zeros(128));
        w.add(p + "self_attn.o_proj.weight", torch.randn(hidden, hidden).mul_(new org.bytedeco.pytorch.Scalar(0.02)));
        w.add(p + "mlp.gate_proj.weight", torch.randn(inter, hidden).mul_(new org.bytedeco.pytorch.Scalar(0.02)));
        w.add(p + "mlp.up_proj.weight", torch.randn(inter, hidden).mul_(new org.bytedeco.pytorch.Scalar(0.02)));
        w.add(p + "mlp.down_proj.weight", torch.randn(hidden, inter).mul_(new org.bytedeco.pytorch.Scalar(0.02)));
      }
      w.write(folder.resolve("model.safetensors"));
    }
    double gb = Files.size(folder.resolve("model.safetensors")) / 1e9;
    for (int threads : new int[] {1, 2, 1, 2}) {
      try (DecoderModel model = ModelLoader.load(folder, LoadOptions.defaults().withDecodeThreads(threads));
          KvCache cache = KvCache.of(model)) {
        int[] prompt = new int[64];
        for (int i = 0; i < prompt.length; i++) {
          prompt[i] = (i * 37) % 32000;
        }
        long t0 = System.nanoTime();
        model.forward(List.of(Row.of(cache, prompt)));
        long t1 = System.nanoTime();
        int steps = 32;
        for (int s = 0; s < steps; s++) {
          model.forward(List.of(Row.of(cache, 100 + s)));
        }
        long t2 = System.nanoTime();
        double perToken = (t2 - t1) / 1e9 / steps;
        System.out.printf("%.2f GB weights, decodeThreads %d: prefill 64 tok %.0f ms, decode %.1f ms/token = %.1f GB/s%n",
            gb, threads, (t1 - t0) / 1e6, perToken * 1e3, gb / perToken);
      }
    }
  }
}
