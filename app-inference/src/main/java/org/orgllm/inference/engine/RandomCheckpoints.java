package org.orgllm.inference.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.orgllm.inference.config.ModelConfig;
import org.orgllm.inference.lora.LoraAdapter;
import org.orgllm.inference.lora.Projection;
import org.orgllm.inference.safetensors.SafetensorsFile;
import org.orgllm.inference.safetensors.SafetensorsIndex;
import org.orgllm.inference.safetensors.SafetensorsWriter;

/**
 * Writes seeded random checkpoints for tests and benchmarks: PEFT LoRA adapters for any base config,
 * and Qwen2-shaped base models (sharded, so no single huge buffer is needed).
 */
public final class RandomCheckpoints {

  private static final int LAYERS_PER_SHARD = 4;

  private RandomCheckpoints() {}

  /**
   * Writes {@code adapter_config.json} and {@code adapter_model.safetensors} with random A and B
   * (normal, standard deviation {@code std}) on all seven projections of every layer.
   *
   * @param base the base model's config (shapes)
   * @param rank r; lora_alpha is 2r, so the scale is 2
   * @param baseName written as {@code base_model_name_or_path}
   */
  public static void writeAdapter(Path folder, ModelConfig base, int rank, long seed, String baseName, double std)
      throws IOException {
    Files.createDirectories(folder);
    SplittableRandom random = new SplittableRandom(seed);
    SafetensorsWriter w = new SafetensorsWriter();
    for (int layer = 0; layer < base.numHiddenLayers(); layer++) {
      for (Projection p : Projection.values()) {
        long[] shape = shape(base, p);
        String key = "base_model.model." + p.modulePath(layer);
        w.addF32(key + ".lora_A.weight", new long[] {rank, shape[1]}, gaussian(random, rank * shape[1], std));
        w.addF32(key + ".lora_B.weight", new long[] {shape[0], rank}, gaussian(random, shape[0] * rank, std));
      }
    }
    w.write(folder.resolve(LoraAdapter.WEIGHTS_FILE));
    ObjectMapper json = new ObjectMapper();
    ObjectNode cfg = json.createObjectNode();
    cfg.put("peft_type", "LORA").put("task_type", "CAUSAL_LM").put("r", rank).put("lora_alpha", 2 * rank)
        .put("lora_dropout", 0.0).put("bias", "none").put("base_model_name_or_path", baseName)
        .put("use_rslora", false).put("use_dora", false);
    var targets = cfg.putArray("target_modules");
    for (Projection p : Projection.values()) {
      targets.add(p.name());
    }
    json.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(LoraAdapter.CONFIG_FILE).toFile(), cfg);
  }

  /**
   * Writes a Qwen2 model folder (config.json, generation_config.json, sharded safetensors with an
   * index) with weights ~ N(0, 0.02) from {@code torch.manual_seed(seed)}, unit norms, zero biases and
   * tied embeddings. No tokenizer: copy one in.
   */
  public static void writeQwen2Model(Path folder, int hidden, int layers, int heads, int kvHeads, int intermediate,
      int vocab, long seed) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(ModelConfig.FILE), """
        {"architectures": ["Qwen2ForCausalLM"], "model_type": "qwen2", "hidden_size": %d, "intermediate_size": %d,
         "num_hidden_layers": %d, "num_attention_heads": %d, "num_key_value_heads": %d, "vocab_size": %d,
         "max_position_embeddings": 32768, "rope_theta": 1000000.0, "rms_norm_eps": 1e-06,
         "tie_word_embeddings": true, "torch_dtype": "float32", "use_sliding_window": false}
        """.formatted(hidden, intermediate, layers, heads, kvHeads, vocab));
    Files.writeString(folder.resolve("generation_config.json"), "{\"eos_token_id\": [151645, 151643]}\n");
    torch.manual_seed(seed);
    long kv = (long) kvHeads * (hidden / heads);
    ObjectMapper json = new ObjectMapper();
    ObjectNode index = json.createObjectNode();
    ObjectNode map = json.createObjectNode();
    long total = 0;
    int shards = 1 + (layers + LAYERS_PER_SHARD - 1) / LAYERS_PER_SHARD;
    for (int shard = 0; shard < shards; shard++) {
      String file = "model-%05d-of-%05d.safetensors".formatted(shard + 1, shards);
      SafetensorsWriter w = new SafetensorsWriter();
      try (PointerScope scope = new PointerScope()) {
        if (shard == 0) {
          w.add("model.embed_tokens.weight", randn(vocab, hidden));
          w.add("model.norm.weight", torch.ones(hidden));
        } else {
          for (int i = (shard - 1) * LAYERS_PER_SHARD; i < Math.min(layers, shard * LAYERS_PER_SHARD); i++) {
            String p = "model.layers." + i + ".";
            w.add(p + "input_layernorm.weight", torch.ones(hidden));
            w.add(p + "post_attention_layernorm.weight", torch.ones(hidden));
            w.add(p + "self_attn.q_proj.weight", randn(hidden, hidden));
            w.add(p + "self_attn.q_proj.bias", torch.zeros(hidden));
            w.add(p + "self_attn.k_proj.weight", randn(kv, hidden));
            w.add(p + "self_attn.k_proj.bias", torch.zeros(kv));
            w.add(p + "self_attn.v_proj.weight", randn(kv, hidden));
            w.add(p + "self_attn.v_proj.bias", torch.zeros(kv));
            w.add(p + "self_attn.o_proj.weight", randn(hidden, hidden));
            w.add(p + "mlp.gate_proj.weight", randn(intermediate, hidden));
            w.add(p + "mlp.up_proj.weight", randn(intermediate, hidden));
            w.add(p + "mlp.down_proj.weight", randn(hidden, intermediate));
          }
        }
      }
      Path out = folder.resolve(file);
      w.write(out);
      total += Files.size(out);
      try (SafetensorsFile f = SafetensorsFile.open(out)) {
        for (String name : f.tensors().keySet()) {
          map.put(name, file);
        }
      }
    }
    index.putObject("metadata").put("total_size", total);
    index.set("weight_map", map);
    json.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(SafetensorsIndex.INDEX_FILE).toFile(), index);
  }

  private static Tensor randn(long rows, long cols) {
    return torch.randn(rows, cols).mul_(new Scalar(0.02));
  }

  private static float[] gaussian(SplittableRandom random, long n, double std) {
    float[] out = new float[Math.toIntExact(n)];
    for (int i = 0; i < out.length; i++) {
      // Box-Muller on the seeded generator keeps adapters identical across runs and JDKs.
      double u = 1.0 - random.nextDouble();
      double v = random.nextDouble();
      out[i] = (float) (std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    }
    return out;
  }

  /** (out, in) of a base projection. */
  static long[] shape(ModelConfig c, Projection p) {
    long q = (long) c.numAttentionHeads() * c.headDim();
    long kv = (long) c.numKeyValueHeads() * c.headDim();
    return switch (p) {
      case q_proj -> new long[] {q, c.hiddenSize()};
      case k_proj, v_proj -> new long[] {kv, c.hiddenSize()};
      case o_proj -> new long[] {c.hiddenSize(), q};
      case gate_proj, up_proj -> new long[] {c.intermediateSize(), c.hiddenSize()};
      case down_proj -> new long[] {c.hiddenSize(), c.intermediateSize()};
    };
  }
}
