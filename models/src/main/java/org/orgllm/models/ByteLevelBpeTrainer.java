package org.orgllm.models;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trains a small byte-level BPE (GPT-2 / Qwen2 style) on a corpus, deterministically: the same corpus
 * and merge count give the same vocabulary. Enough for a demo model; real models bring their own.
 */
final class ByteLevelBpeTrainer {

    /** Qwen2's pre-tokenizer split pattern (as in its tokenizer.json). */
    static final String SPLIT_PATTERN =
            "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

    /** The trained vocabulary: token string (byte-to-unicode form) → id, and the merges in order. */
    record Result(Map<String, Integer> vocab, List<String> merges) {}

    private ByteLevelBpeTrainer() {}

    static Result train(String corpus, int merges) {
        char[] byteToUnicode = byteToUnicode();
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int b = 0; b < 256; b++) {
            vocab.put(String.valueOf(byteToUnicode[b]), b);
        }
        // Each distinct pre-token as its list of symbols, with its frequency.
        Map<List<String>, Integer> words = new HashMap<>();
        Matcher m = Pattern.compile(SPLIT_PATTERN).matcher(corpus);
        while (m.find()) {
            List<String> symbols = new ArrayList<>();
            for (byte b : m.group().getBytes(StandardCharsets.UTF_8)) {
                symbols.add(String.valueOf(byteToUnicode[b & 0xff]));
            }
            words.merge(symbols, 1, Integer::sum);
        }
        List<String> mergeList = new ArrayList<>();
        for (int i = 0; i < merges; i++) {
            Map<String, Integer> pairs = new HashMap<>();
            for (var e : words.entrySet()) {
                List<String> w = e.getKey();
                for (int j = 0; j + 1 < w.size(); j++) {
                    pairs.merge(w.get(j) + " " + w.get(j + 1), e.getValue(), Integer::sum);
                }
            }
            // Most frequent pair; ties broken by the pair text so training is deterministic.
            String best = null;
            int bestCount = 1;
            for (var p : pairs.entrySet()) {
                if (p.getValue() > bestCount || (p.getValue() == bestCount && best != null && p.getKey().compareTo(best) < 0)) {
                    best = p.getKey();
                    bestCount = p.getValue();
                }
            }
            if (best == null) {
                break;
            }
            String[] parts = best.split(" ");
            String joined = parts[0] + parts[1];
            mergeList.add(best);
            vocab.putIfAbsent(joined, vocab.size());
            Map<List<String>, Integer> next = new HashMap<>();
            for (var e : words.entrySet()) {
                next.merge(apply(e.getKey(), parts[0], parts[1], joined), e.getValue(), Integer::sum);
            }
            words = next;
        }
        return new Result(vocab, mergeList);
    }

    private static List<String> apply(List<String> word, String a, String b, String joined) {
        List<String> out = new ArrayList<>(word.size());
        for (int i = 0; i < word.size(); i++) {
            if (i + 1 < word.size() && word.get(i).equals(a) && word.get(i + 1).equals(b)) {
                out.add(joined);
                i++;
            } else {
                out.add(word.get(i));
            }
        }
        return out;
    }

    /** GPT-2's reversible map from bytes to printable unicode characters. */
    static char[] byteToUnicode() {
        char[] map = new char[256];
        boolean[] printable = new boolean[256];
        for (int b = '!'; b <= '~'; b++) {
            printable[b] = true;
        }
        for (int b = 0xA1; b <= 0xAC; b++) {
            printable[b] = true;
        }
        for (int b = 0xAE; b <= 0xFF; b++) {
            printable[b] = true;
        }
        int n = 0;
        for (int b = 0; b < 256; b++) {
            map[b] = printable[b] ? (char) b : (char) (256 + n++);
        }
        return map;
    }
}
