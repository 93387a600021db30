#!/usr/bin/env python3
"""Tiny random Llama / Qwen3 / Mistral checkpoints and their expected logits, for the Java engine's tests.

A numpy transcription of Hugging Face transformers' modeling code (modeling_llama.py, modeling_qwen3.py,
modeling_mistral.py, modeling_rope_utils.py as of 4.45 / Qwen3 4.51), eager attention, no torch needed.
Inverse RoPE frequencies are computed in float32 exactly as HF does; everything else in float64 (the
"truth" the fp32 engine is compared with at 1e-4).

Run:  python3 generate.py      (rewrites every folder below next to this script; deterministic)
"""
import json
import math
import os
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


# ----------------------------------------------------------------------------------------------
# safetensors


def write_safetensors(path, tensors):
    header = {"__metadata__": {"format": "pt"}}
    offset = 0
    blobs = []
    for name in sorted(tensors):
        arr = np.ascontiguousarray(tensors[name], dtype="<f4")
        data = arr.tobytes()
        header[name] = {"dtype": "F32", "shape": list(arr.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


# ----------------------------------------------------------------------------------------------
# modeling_rope_utils.py


def default_inv_freq(base, dim):
    # 1.0 / (base ** (torch.arange(0, dim, 2, dtype=torch.int64).float() / dim)) -- float32
    exps = (np.arange(0, dim, 2, dtype=np.int64).astype(np.float32) / np.float32(dim)).astype(np.float32)
    return (np.float32(1.0) / np.power(np.float32(base), exps, dtype=np.float32)).astype(np.float32)


def inv_freq_for(cfg, seq_len):
    dim = cfg["head_dim"]
    base = cfg["rope_theta"]
    rs = cfg.get("rope_scaling")
    rtype = None if rs is None else rs.get("rope_type", rs.get("type"))
    if rtype in (None, "default"):
        return default_inv_freq(base, dim)
    if rtype == "linear":
        return (default_inv_freq(base, dim) / np.float32(rs["factor"])).astype(np.float32)
    if rtype == "dynamic":
        max_pos = cfg["max_position_embeddings"]
        factor = rs["factor"]
        seq_len = seq_len if seq_len is not None and seq_len > max_pos else max_pos
        base = base * ((factor * seq_len / max_pos) - (factor - 1)) ** (dim / (dim - 2))
        return default_inv_freq(base, dim)
    if rtype == "llama3":
        inv = default_inv_freq(base, dim)
        factor = rs["factor"]
        low, high = rs["low_freq_factor"], rs["high_freq_factor"]
        old = rs["original_max_position_embeddings"]
        low_wl, high_wl = old / low, old / high
        wavelen = (np.float32(2 * math.pi) / inv).astype(np.float32)
        scaled = np.where(wavelen > low_wl, inv / np.float32(factor), inv).astype(np.float32)
        smooth = ((np.float32(old) / wavelen - np.float32(low)) / np.float32(high - low)).astype(np.float32)
        smoothed = ((1 - smooth) * scaled / np.float32(factor) + smooth * scaled).astype(np.float32)
        medium = ~(wavelen < high_wl) & ~(wavelen > low_wl)
        return np.where(medium, smoothed, scaled).astype(np.float32)
    raise ValueError(rtype)


def cos_sin(cfg, positions):
    """HF computes one inv_freq per forward from seq_len = max(position_ids) + 1 (dynamic only)."""
    inv = inv_freq_for(cfg, int(max(positions)) + 1)
    freqs = np.outer(np.asarray(positions, dtype=np.float32), inv).astype(np.float32)
    emb = np.concatenate([freqs, freqs], axis=-1)
    return np.cos(emb).astype(np.float64), np.sin(emb).astype(np.float64)


# ----------------------------------------------------------------------------------------------
# modeling_llama.py / modeling_qwen3.py


def rms_norm(x, w, eps):
    var = np.mean(x * x, axis=-1, keepdims=True)
    return w * (x / np.sqrt(var + eps))


def rotate_half(x):
    h = x.shape[-1] // 2
    return np.concatenate([-x[..., h:], x[..., :h]], axis=-1)


def linear(x, W, b=None):
    y = x @ W.T
    return y if b is None else y + b


def forward(cfg, W, ids, cache):
    """One forward of new tokens `ids` after `cache` (list per layer of (K, V), K: (kv, past, d))."""
    H, KV, D = cfg["num_attention_heads"], cfg["num_key_value_heads"], cfg["head_dim"]
    eps = cfg["rms_norm_eps"]
    past = 0 if cache[0] is None else cache[0][0].shape[1]
    n = len(ids)
    cos, sin = cos_sin(cfg, list(range(past, past + n)))  # (n, d)
    x = W["model.embed_tokens.weight"][ids]  # (n, hidden)
    for i in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{i}."
        g = lambda k: W.get(p + k)
        h = rms_norm(x, g("input_layernorm.weight"), eps)
        q = linear(h, g("self_attn.q_proj.weight"), g("self_attn.q_proj.bias")).reshape(n, H, D)
        k = linear(h, g("self_attn.k_proj.weight"), g("self_attn.k_proj.bias")).reshape(n, KV, D)
        v = linear(h, g("self_attn.v_proj.weight"), g("self_attn.v_proj.bias")).reshape(n, KV, D)
        if cfg["model_type"] == "qwen3":
            q = rms_norm(q, g("self_attn.q_norm.weight"), eps)
            k = rms_norm(k, g("self_attn.k_norm.weight"), eps)
        q = q.transpose(1, 0, 2)  # (H, n, D)
        k = k.transpose(1, 0, 2)
        v = v.transpose(1, 0, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        if cache[i] is not None:
            k = np.concatenate([cache[i][0], k], axis=1)
            v = np.concatenate([cache[i][1], v], axis=1)
        cache[i] = (k, v)
        rep = H // KV
        kk = np.repeat(k, rep, axis=0)  # repeat_kv
        vv = np.repeat(v, rep, axis=0)
        scores = q @ kk.transpose(0, 2, 1) / math.sqrt(D)  # (H, n, past+n)
        pos = past + np.arange(n)
        mask = np.arange(past + n)[None, :] > pos[:, None]
        window = cfg.get("sliding_window") if cfg["model_type"] == "mistral" else None
        if window is not None:
            # modeling_mistral.py: sliding_attend_mask = arange(target) <= cache_position - sliding_window
            mask |= np.arange(past + n)[None, :] <= (pos[:, None] - window)
        scores = np.where(mask[None], -np.inf, scores)
        scores = scores - scores.max(-1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(-1, keepdims=True)
        attn = (probs @ vv).transpose(1, 0, 2).reshape(n, H * D)
        x = x + linear(attn, g("self_attn.o_proj.weight"), g("self_attn.o_proj.bias"))
        h = rms_norm(x, g("post_attention_layernorm.weight"), eps)
        gate = linear(h, g("mlp.gate_proj.weight"), g("mlp.gate_proj.bias"))
        up = linear(h, g("mlp.up_proj.weight"), g("mlp.up_proj.bias"))
        silu = gate / (1 + np.exp(-gate))
        x = x + linear(silu * up, g("mlp.down_proj.weight"), g("mlp.down_proj.bias"))
    x = rms_norm(x, W["model.norm.weight"], eps)
    lm = W["model.embed_tokens.weight"] if cfg["tie_word_embeddings"] else W["lm_head.weight"]
    return x @ lm.T  # (n, vocab)


# ----------------------------------------------------------------------------------------------
# checkpoints


def make_weights(cfg, rng):
    hid, inter, V = cfg["hidden_size"], cfg["intermediate_size"], cfg["vocab_size"]
    H, KV, D = cfg["num_attention_heads"], cfg["num_key_value_heads"], cfg["head_dim"]
    f32 = lambda *s, std=0.2: (rng.standard_normal(s) * std).astype(np.float32)
    norm = lambda n: (1.0 + rng.standard_normal(n) * 0.1).astype(np.float32)
    W = {"model.embed_tokens.weight": f32(V, hid, std=1.0), "model.norm.weight": norm(hid)}
    if not cfg["tie_word_embeddings"]:
        W["lm_head.weight"] = f32(V, hid)
    ab = cfg.get("attention_bias", False)
    mb = cfg.get("mlp_bias", False)
    for i in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{i}."
        W[p + "input_layernorm.weight"] = norm(hid)
        W[p + "post_attention_layernorm.weight"] = norm(hid)
        shapes = {"self_attn.q_proj": (H * D, hid), "self_attn.k_proj": (KV * D, hid),
                  "self_attn.v_proj": (KV * D, hid), "self_attn.o_proj": (hid, H * D),
                  "mlp.gate_proj": (inter, hid), "mlp.up_proj": (inter, hid), "mlp.down_proj": (hid, inter)}
        for name, (o, n_in) in shapes.items():
            W[p + name + ".weight"] = f32(o, n_in, std=1.0 / math.sqrt(n_in))
            if (ab and name.startswith("self_attn")) or (mb and name.startswith("mlp")):
                W[p + name + ".bias"] = f32(o, std=0.1)
        if cfg["model_type"] == "qwen3":
            W[p + "self_attn.q_norm.weight"] = norm(D)
            W[p + "self_attn.k_norm.weight"] = norm(D)
    return W


BASE = dict(hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=4,
            num_key_value_heads=2, head_dim=16, vocab_size=96, rms_norm_eps=1e-6, torch_dtype="float32",
            hidden_act="silu", use_cache=True)

MODELS = {
    "tiny-llama-rope-llama3": dict(BASE, architectures=["LlamaForCausalLM"], model_type="llama",
                                   max_position_embeddings=128, rope_theta=10000.0, attention_bias=False,
                                   mlp_bias=False, tie_word_embeddings=False,
                                   rope_scaling={"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0,
                                                 "high_freq_factor": 4.0, "original_max_position_embeddings": 32}),
    "tiny-llama-rope-linear": dict(BASE, architectures=["LlamaForCausalLM"], model_type="llama",
                                   max_position_embeddings=64, rope_theta=10000.0, attention_bias=False,
                                   mlp_bias=False, tie_word_embeddings=False,
                                   rope_scaling={"type": "linear", "factor": 2.0}),
    "tiny-llama-rope-dynamic": dict(BASE, architectures=["LlamaForCausalLM"], model_type="llama",
                                    max_position_embeddings=16, rope_theta=10000.0, attention_bias=False,
                                    mlp_bias=False, tie_word_embeddings=False,
                                    rope_scaling={"rope_type": "dynamic", "factor": 2.0}),
    "tiny-llama-bias": dict(BASE, architectures=["LlamaForCausalLM"], model_type="llama",
                            max_position_embeddings=128, rope_theta=500000.0, attention_bias=True,
                            mlp_bias=True, tie_word_embeddings=True, rope_scaling=None),
    "tiny-qwen3": dict(BASE, architectures=["Qwen3ForCausalLM"], model_type="qwen3",
                       max_position_embeddings=128, rope_theta=1000000.0, attention_bias=False,
                       tie_word_embeddings=True, rope_scaling=None),
    "tiny-mistral": dict(BASE, architectures=["MistralForCausalLM"], model_type="mistral",
                         max_position_embeddings=128, rope_theta=1000000.0, sliding_window=8,
                         tie_word_embeddings=False, rope_scaling=None),
}

# Prompts: a short one, one crossing the dynamic-NTK threshold (16), and greedy runs that continue past it.
PROMPTS = {"short": [1, 5, 9], "long_24": [int(x) for x in np.random.default_rng(7).integers(0, 96, 24)],
           "mid_12": [3, 14, 15, 92, 65, 35, 89, 79, 32, 38, 46, 26]}
STEPS = 8


def main():
    for name, cfg in MODELS.items():
        seed = sum(map(ord, name))
        rng = np.random.default_rng(seed)
        W32 = make_weights(cfg, rng)
        W = {k: v.astype(np.float64) for k, v in W32.items()}
        folder = os.path.join(HERE, name)
        os.makedirs(folder, exist_ok=True)
        write_safetensors(os.path.join(folder, "model.safetensors"), W32)
        with open(os.path.join(folder, "config.json"), "w") as f:
            json.dump(cfg, f, indent=2)
        with open(os.path.join(folder, "generation_config.json"), "w") as f:
            json.dump({"bos_token_id": 0, "eos_token_id": [2], "do_sample": False}, f, indent=2)
        cases = []
        for pname, ids in PROMPTS.items():
            cache = [None] * cfg["num_hidden_layers"]
            logits = forward(cfg, W, ids, cache)
            new_ids, gaps, step_logits = [], [], []
            last = logits[-1]
            for _ in range(STEPS):
                top2 = np.sort(last)[-2:]
                gaps.append(float(top2[1] - top2[0]))
                nxt = int(np.argmax(last))
                new_ids.append(nxt)
                step_logits.append([round(float(v), 6) for v in last])
                last = forward(cfg, W, [nxt], cache)[-1]
            cases.append({"name": pname, "ids": ids, "logits": [[round(float(v), 6) for v in row] for row in logits],
                          "greedy_new_ids": new_ids, "greedy_step_logits": step_logits,
                          "greedy_min_top2_gap": min(gaps)})
        with open(os.path.join(folder, "expected.json"), "w") as f:
            json.dump({"about": "numpy transcription of HF modeling code (see ../README.md)", "cases": cases}, f)
        print(name, sum(os.path.getsize(os.path.join(folder, x)) for x in os.listdir(folder)), "bytes")


if __name__ == "__main__":
    main()
