package org.orgllm.inference.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.orgllm.inference.safetensors.SafetensorsFile;
import org.orgllm.inference.safetensors.SafetensorsIndex;
import org.orgllm.inference.safetensors.SafetensorsWriter;

/**
 * Writes (once) a random checkpoint shaped like Qwen2.5-0.5B: hidden 896, 24 layers, 14 heads, 2 KV
 * heads, intermediate 4864, vocab 151936, tied embeddings, q/k/v biases. Weights are uniform with
 * the standard deviation 0.02 of a trained model's init, from libtorch's seeded {@code rand} (fast,
 * vectorised) so a 2 GB checkpoint takes seconds; the values do not matter for speed.
 */
public final class BenchModel {

  /** Shape of Qwen2.5-0.5B. */
  public static final int HIDDEN = 896;
  public static final int LAYERS = 24;
  public static final int HEADS = 14;
  public static final int KV_HEADS = 2;
  public static final int INTERMEDIATE = 4864;
  public static final int VOCAB = 151936;

  private static final int LAYERS_PER_SHARD = 6;
  private static final long SEED = 20261126L;

  private BenchModel() {}

  /**
   * The folder {@code root/qwen2.5-0.5b-shape-<dtype>}, written first if it is not complete.
   *
   * @param bf16 store bf16 (else fp32) weights
   */
  public static Path ensure(Path root, boolean bf16) throws IOException {
    Path folder = root.resolve("qwen2.5-0.5b-shape-" + (bf16 ? "bf16" : "fp32"));
    if (!Files.exists(folder.resolve(SafetensorsIndex.INDEX_FILE))) {
      write(folder, bf16);
    }
    return folder;
  }

  private static void write(Path folder, boolean bf16) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("config.json"), """
        {"architectures": ["Qwen2ForCausalLM"], "model_type": "qwen2", "hidden_size": %d, "intermediate_size": %d,
         "num_hidden_layers": %d, "num_attention_heads": %d, "num_key_value_heads": %d, "vocab_size": %d,
         "max_position_embeddings": 32768, "rope_theta": 1000000.0, "rms_norm_eps": 1e-06,
         "tie_word_embeddings": true, "torch_dtype": "%s", "use_sliding_window": false}
        """.formatted(HIDDEN, INTERMEDIATE, LAYERS, HEADS, KV_HEADS, VOCAB, bf16 ? "bfloat16" : "float32"));
    Files.writeString(folder.resolve("generation_config.json"), "{\"eos_token_id\": [151645, 151643]}\n");
    torch.manual_seed(SEED);
    ScalarType dtype = bf16 ? ScalarType.BFloat16 : ScalarType.Float;
    long kv = (long) KV_HEADS * (HIDDEN / HEADS);
    ObjectNode map = new ObjectMapper().createObjectNode();
    long total = 0;
    int shards = 1 + (LAYERS + LAYERS_PER_SHARD - 1) / LAYERS_PER_SHARD;
    for (int shard = 0; shard < shards; shard++) {
      String file = "model-%05d-of-%05d.safetensors".formatted(shard + 1, shards);
      SafetensorsWriter w = new SafetensorsWriter();
      try (PointerScope scope = new PointerScope()) {
        if (shard == 0) {
          w.add("model.embed_tokens.weight", random(dtype, VOCAB, HIDDEN));
          w.add("model.norm.weight", torch.ones(HIDDEN).to(dtype));
        } else {
          for (int i = (shard - 1) * LAYERS_PER_SHARD; i < Math.min(LAYERS, shard * LAYERS_PER_SHARD); i++) {
            String p = "model.layers." + i + ".";
            w.add(p + "input_layernorm.weight", torch.ones(HIDDEN).to(dtype));
            w.add(p + "post_attention_layernorm.weight", torch.ones(HIDDEN).to(dtype));
            w.add(p + "self_attn.q_proj.weight", random(dtype, HIDDEN, HIDDEN));
            w.add(p + "self_attn.q_proj.bias", random(dtype, HIDDEN));
            w.add(p + "self_attn.k_proj.weight", random(dtype, kv, HIDDEN));
            w.add(p + "self_attn.k_proj.bias", random(dtype, kv));
            w.add(p + "self_attn.v_proj.weight", random(dtype, kv, HIDDEN));
            w.add(p + "self_attn.v_proj.bias", random(dtype, kv));
            w.add(p + "self_attn.o_proj.weight", random(dtype, HIDDEN, HIDDEN));
            w.add(p + "mlp.gate_proj.weight", random(dtype, INTERMEDIATE, HIDDEN));
            w.add(p + "mlp.up_proj.weight", random(dtype, INTERMEDIATE, HIDDEN));
            w.add(p + "mlp.down_proj.weight", random(dtype, HIDDEN, INTERMEDIATE));
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
    ObjectMapper json = new ObjectMapper();
    ObjectNode index = json.createObjectNode();
    index.putObject("metadata").put("total_size", total);
    index.set("weight_map", map);
    // The index last: its presence marks a complete folder.
    json.writeValue(folder.resolve(SafetensorsIndex.INDEX_FILE).toFile(), index);
  }

  /** Uniform in [-a, a) with a = 0.02·√3, i.e. standard deviation 0.02. */
  private static Tensor random(ScalarType dtype, long... shape) {
    double a = 0.02 * Math.sqrt(3);
    return torch.rand(shape).mul_(new Scalar(2 * a)).sub_(new Scalar(a)).to(dtype);
  }
}
