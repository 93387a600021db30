package org.orgllm.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.orgllm.inference.safetensors.SafetensorsWriter;

/**
 * Builds the demo model folders without downloading anything, so the local run has a model to serve:
 * <ul>
 * <li>{@code base/orgllm-demo}: a small Qwen2-architecture decoder (random weights from a fixed seed)
 * with a byte-level BPE tokenizer trained on a short built-in corpus and a ChatML chat template;</li>
 * <li>{@code trained/org-techcorp/v1}: a PEFT LoRA adapter for it (r=8, all seven projections),
 * activated by {@code trained/org-techcorp/ACTIVE}.</li>
 * </ul>
 * Its answers are word salad — it has never been trained — but every layer of the product runs on it.
 *
 * <p>Usage: {@code DemoModelBuilder [MODELS_ROOT]} (default {@code models}); existing folders are kept.
 */
public final class DemoModelBuilder {

    public static final String BASE_NAME = "orgllm-demo";
    public static final String DEMO_ORGANIZATION = "techcorp";

    static final int HIDDEN = 256;
    static final int LAYERS = 4;
    static final int HEADS = 4;
    static final int KV_HEADS = 2;
    static final int INTERMEDIATE = 704;
    static final int CONTEXT = 8192;
    static final int MERGES = 1200;
    static final int LORA_RANK = 8;
    static final long SEED = 20261126L;

    private static final String CHATML = "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + "
            + "message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}"
            + "{{ '<|im_start|>assistant\\n' }}{% endif %}";
    private static final List<String> SPECIALS = List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>");
    private static final List<String> PROJECTIONS = List.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj",
            "up_proj", "down_proj");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DemoModelBuilder() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "models");
        Path base = buildBase(root.resolve("base").resolve(BASE_NAME));
        buildAdapter(root.resolve("trained").resolve("org-" + DEMO_ORGANIZATION), base);
        System.out.println("[orgllm] demo model ready in " + root.toAbsolutePath());
    }

    /** Writes the base model folder unless it is already complete; returns it. */
    public static Path buildBase(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve("model.safetensors")) && Files.isRegularFile(dir.resolve("config.json"))) {
            return dir;
        }
        Files.createDirectories(dir);
        ByteLevelBpeTrainer.Result bpe = ByteLevelBpeTrainer.train(corpus(), MERGES);
        int textTokens = bpe.vocab().size();
        int endOfText = textTokens;
        int imStart = textTokens + 1;
        int imEnd = textTokens + 2;
        // The embedding is padded to a multiple of 64, as real checkpoints are; extra rows are never produced.
        int vocabSize = (textTokens + SPECIALS.size() + 63) / 64 * 64;

        writeJson(dir.resolve("tokenizer.json"), tokenizerJson(bpe, textTokens));
        writeJson(dir.resolve("tokenizer_config.json"), tokenizerConfig(textTokens));
        writeJson(dir.resolve("config.json"), config(vocabSize, imEnd));
        Map<String, Object> generation = new LinkedHashMap<>();
        generation.put("bos_token_id", endOfText);
        generation.put("eos_token_id", List.of(imEnd, endOfText));
        generation.put("pad_token_id", endOfText);
        generation.put("do_sample", true);
        generation.put("temperature", 0.7);
        generation.put("top_p", 0.9);
        generation.put("repetition_penalty", 1.05);
        writeJson(dir.resolve("generation_config.json"), generation);

        SplittableRandom random = new SplittableRandom(SEED);
        SafetensorsWriter w = new SafetensorsWriter().metadata("format", "pt");
        w.addF32("model.embed_tokens.weight", new long[] {vocabSize, HIDDEN}, normal(random, vocabSize * HIDDEN, 0.02));
        int headDim = HIDDEN / HEADS;
        for (int l = 0; l < LAYERS; l++) {
            String p = "model.layers." + l + ".";
            w.addF32(p + "input_layernorm.weight", new long[] {HIDDEN}, ones(HIDDEN));
            w.addF32(p + "post_attention_layernorm.weight", new long[] {HIDDEN}, ones(HIDDEN));
            w.addF32(p + "self_attn.q_proj.weight", new long[] {HIDDEN, HIDDEN}, normal(random, HIDDEN * HIDDEN, 0.02));
            w.addF32(p + "self_attn.q_proj.bias", new long[] {HIDDEN}, normal(random, HIDDEN, 0.02));
            int kv = KV_HEADS * headDim;
            w.addF32(p + "self_attn.k_proj.weight", new long[] {kv, HIDDEN}, normal(random, kv * HIDDEN, 0.02));
            w.addF32(p + "self_attn.k_proj.bias", new long[] {kv}, normal(random, kv, 0.02));
            w.addF32(p + "self_attn.v_proj.weight", new long[] {kv, HIDDEN}, normal(random, kv * HIDDEN, 0.02));
            w.addF32(p + "self_attn.v_proj.bias", new long[] {kv}, normal(random, kv, 0.02));
            w.addF32(p + "self_attn.o_proj.weight", new long[] {HIDDEN, HIDDEN}, normal(random, HIDDEN * HIDDEN, 0.02));
            w.addF32(p + "mlp.gate_proj.weight", new long[] {INTERMEDIATE, HIDDEN}, normal(random, INTERMEDIATE * HIDDEN, 0.02));
            w.addF32(p + "mlp.up_proj.weight", new long[] {INTERMEDIATE, HIDDEN}, normal(random, INTERMEDIATE * HIDDEN, 0.02));
            w.addF32(p + "mlp.down_proj.weight", new long[] {HIDDEN, INTERMEDIATE}, normal(random, HIDDEN * INTERMEDIATE, 0.02));
        }
        w.addF32("model.norm.weight", new long[] {HIDDEN}, ones(HIDDEN));
        w.write(dir.resolve("model.safetensors"));
        return dir;
    }

    /** Writes {@code v1} of a LoRA adapter for the base and marks it active, unless it exists. */
    public static Path buildAdapter(Path orgDir, Path base) throws IOException {
        Path version = orgDir.resolve("v1");
        if (Files.isRegularFile(version.resolve("adapter_model.safetensors"))) {
            return version;
        }
        Files.createDirectories(version);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base_model_name_or_path", base.getFileName().toString());
        config.put("peft_type", "LORA");
        config.put("task_type", "CAUSAL_LM");
        config.put("r", LORA_RANK);
        config.put("lora_alpha", 2 * LORA_RANK);
        config.put("lora_dropout", 0.0);
        config.put("use_rslora", false);
        config.put("fan_in_fan_out", false);
        config.put("bias", "none");
        config.put("target_modules", PROJECTIONS);
        config.put("inference_mode", true);
        writeJson(version.resolve("adapter_config.json"), config);

        SplittableRandom random = new SplittableRandom(SEED + orgDir.getFileName().toString().hashCode());
        int headDim = HIDDEN / HEADS;
        int kv = KV_HEADS * headDim;
        SafetensorsWriter w = new SafetensorsWriter().metadata("format", "pt");
        for (int l = 0; l < LAYERS; l++) {
            for (String proj : PROJECTIONS) {
                int in = proj.equals("down_proj") ? INTERMEDIATE : HIDDEN;
                int out = switch (proj) {
                    case "k_proj", "v_proj" -> kv;
                    case "gate_proj", "up_proj" -> INTERMEDIATE;
                    default -> HIDDEN;
                };
                String module = (List.of("gate_proj", "up_proj", "down_proj").contains(proj)
                        ? "mlp." : "self_attn.") + proj;
                String key = "base_model.model.model.layers." + l + "." + module;
                w.addF32(key + ".lora_A.weight", new long[] {LORA_RANK, in}, normal(random, LORA_RANK * in, 0.05));
                w.addF32(key + ".lora_B.weight", new long[] {out, LORA_RANK}, normal(random, out * LORA_RANK, 0.05));
            }
        }
        w.write(version.resolve("adapter_model.safetensors"));
        Files.writeString(orgDir.resolve("ACTIVE"), "v1\n", StandardCharsets.UTF_8);
        return version;
    }

    private static Map<String, Object> config(int vocabSize, int eos) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("architectures", List.of("Qwen2ForCausalLM"));
        c.put("model_type", "qwen2");
        c.put("hidden_act", "silu");
        c.put("hidden_size", HIDDEN);
        c.put("intermediate_size", INTERMEDIATE);
        c.put("num_hidden_layers", LAYERS);
        c.put("num_attention_heads", HEADS);
        c.put("num_key_value_heads", KV_HEADS);
        c.put("max_position_embeddings", CONTEXT);
        c.put("rms_norm_eps", 1e-6);
        c.put("rope_theta", 1000000.0);
        c.put("rope_scaling", null);
        c.put("tie_word_embeddings", true);
        c.put("torch_dtype", "float32");
        c.put("use_sliding_window", false);
        c.put("vocab_size", vocabSize);
        c.put("eos_token_id", eos);
        return c;
    }

    private static Map<String, Object> tokenizerJson(ByteLevelBpeTrainer.Result bpe, int firstSpecial) {
        List<Map<String, Object>> added = new ArrayList<>();
        for (int i = 0; i < SPECIALS.size(); i++) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", firstSpecial + i);
            t.put("content", SPECIALS.get(i));
            t.put("single_word", false);
            t.put("lstrip", false);
            t.put("rstrip", false);
            t.put("normalized", false);
            t.put("special", true);
            added.add(t);
        }
        Map<String, Object> byteLevel = Map.of("type", "ByteLevel", "add_prefix_space", false, "trim_offsets", false,
                "use_regex", false);
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("type", "Split");
        split.put("pattern", Map.of("Regex", ByteLevelBpeTrainer.SPLIT_PATTERN));
        split.put("behavior", "Isolated");
        split.put("invert", false);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "BPE");
        model.put("dropout", null);
        model.put("unk_token", null);
        model.put("continuing_subword_prefix", "");
        model.put("end_of_word_suffix", "");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.put("ignore_merges", false);
        model.put("vocab", bpe.vocab());
        model.put("merges", bpe.merges());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("version", "1.0");
        t.put("truncation", null);
        t.put("padding", null);
        t.put("added_tokens", added);
        t.put("normalizer", Map.of("type", "NFC"));
        t.put("pre_tokenizer", Map.of("type", "Sequence", "pretokenizers", List.of(split, byteLevel)));
        t.put("post_processor", byteLevel);
        t.put("decoder", byteLevel);
        t.put("model", model);
        return t;
    }

    private static Map<String, Object> tokenizerConfig(int firstSpecial) {
        Map<String, Object> decoder = new LinkedHashMap<>();
        for (int i = 0; i < SPECIALS.size(); i++) {
            decoder.put(String.valueOf(firstSpecial + i), Map.of("content", SPECIALS.get(i), "lstrip", false,
                    "normalized", false, "rstrip", false, "single_word", false, "special", true));
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("add_bos_token", false);
        c.put("add_prefix_space", false);
        c.put("added_tokens_decoder", decoder);
        c.put("additional_special_tokens", List.of("<|im_start|>", "<|im_end|>"));
        c.put("bos_token", null);
        c.put("chat_template", CHATML);
        c.put("clean_up_tokenization_spaces", false);
        c.put("eos_token", "<|im_end|>");
        c.put("errors", "replace");
        c.put("model_max_length", CONTEXT);
        c.put("pad_token", "<|endoftext|>");
        c.put("split_special_tokens", false);
        c.put("tokenizer_class", "Qwen2Tokenizer");
        c.put("unk_token", null);
        return c;
    }

    private static String corpus() throws IOException {
        try (InputStream in = DemoModelBuilder.class.getResourceAsStream("demo-corpus.txt")) {
            if (in == null) {
                throw new IOException("demo-corpus.txt is missing from the models jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static float[] normal(SplittableRandom random, int n, double std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller from the seeded generator, so the weights are the same on every machine.
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            v[i] = (float) (std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
        return v;
    }

    private static float[] ones(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1f);
        return v;
    }

    private static void writeJson(Path file, Object value) throws IOException {
        JSON.writeValue(file.toFile(), value);
    }
}
