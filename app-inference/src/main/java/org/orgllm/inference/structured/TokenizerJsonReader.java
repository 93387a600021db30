package org.orgllm.inference.structured;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Arrays;
import java.util.List;

/**
 * Streams a {@code tokenizer.json} for the token strings only: the merges (half the file for Qwen) are
 * skipped rather than built into a tree, which keeps a 150k vocabulary well under a second.
 */
final class TokenizerJsonReader {

    record Result(byte[][] bytes, BitSet special) {
    }

    private enum Kind { BYTE_LEVEL, SENTENCE_PIECE }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    // 150k distinct vocabulary keys would flood the symbol table that interning field names relies on.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build()
            .setCodec(MAPPER);

    private TokenizerJsonReader() {
    }

    static Result read(InputStream in) throws IOException {
        Pieces vocab = new Pieces();
        JsonNode addedTokens = null;
        JsonNode decoder = null;
        String modelType = null;
        boolean byteFallback = false;
        try (JsonParser p = FACTORY.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (!readEnough(addedTokens, decoder, modelType, vocab) && p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "added_tokens" -> addedTokens = p.readValueAsTree();
                    case "decoder" -> decoder = p.readValueAsTree();
                    case "model" -> {
                        expect(p.currentToken(), JsonToken.START_OBJECT);
                        while (!readEnough(addedTokens, decoder, modelType, vocab)
                                && p.nextToken() == JsonToken.FIELD_NAME) {
                            String modelField = p.currentName();
                            p.nextToken();
                            switch (modelField) {
                                case "type" -> modelType = p.getValueAsString();
                                case "byte_fallback" -> byteFallback = p.getValueAsBoolean();
                                case "vocab" -> readVocab(p, vocab);
                                default -> p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
        Kind kind = kind(decoder, modelType, byteFallback);
        boolean byteTokens = byteFallback || decoderTypes(decoder).contains("ByteFallback");
        int size = vocab.maxId + 1;
        List<JsonNode> added = new ArrayList<>();
        if (addedTokens != null) {
            addedTokens.forEach(added::add);
            for (JsonNode t : added) {
                size = Math.max(size, t.path("id").asInt() + 1);
            }
        }
        byte[][] bytes = new byte[size][];
        int[] inverse = ByteLevelAlphabet.inverse();
        for (int i = 0; i < vocab.size; i++) {
            bytes[vocab.ids[i]] = kind == Kind.BYTE_LEVEL
                    ? byteLevel(vocab.pieces[i], inverse)
                    : sentencePiece(vocab.pieces[i], byteTokens);
        }
        BitSet special = new BitSet(size);
        for (JsonNode t : added) {
            int id = t.path("id").asInt();
            // Added tokens are matched before the model and decode to their literal content.
            bytes[id] = t.path("content").asText().getBytes(StandardCharsets.UTF_8);
            special.set(id);
        }
        return new Result(bytes, special);
    }

    /**
     * The merges after a BPE vocabulary are half the file and not needed: stop there once the sections
     * before the model were read (the layout the tokenizers library writes). Unigram keeps reading, since
     * its {@code byte_fallback} follows the vocabulary.
     */
    /** Vocabulary entries in file order, without a map: ids are only needed to place the bytes. */
    private static final class Pieces {
        String[] pieces = new String[1024];
        int[] ids = new int[1024];
        int size;
        int maxId = -1;

        void add(String piece, int id) {
            if (id < 0) {
                throw new IllegalArgumentException("negative token id " + id + " for " + piece);
            }
            if (size == ids.length) {
                pieces = Arrays.copyOf(pieces, size * 2);
                ids = Arrays.copyOf(ids, size * 2);
            }
            pieces[size] = piece;
            ids[size++] = id;
            maxId = Math.max(maxId, id);
        }
    }

    private static boolean readEnough(JsonNode addedTokens, JsonNode decoder, String modelType,
                                      Pieces vocab) {
        return addedTokens != null && decoder != null && "BPE".equals(modelType) && vocab.size > 0;
    }

    private static void readVocab(JsonParser p, Pieces vocab) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String token = p.currentName();
                p.nextToken();
                vocab.add(token, p.getIntValue());
            }
        } else if (p.currentToken() == JsonToken.START_ARRAY) {
            // Unigram: [[piece, score], ...] where the position is the id.
            int id = 0;
            while (p.nextToken() == JsonToken.START_ARRAY) {
                p.nextToken();
                vocab.add(p.getText(), id++);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    p.skipChildren();
                }
            }
        } else {
            throw new IllegalArgumentException("tokenizer.json model.vocab is neither an object nor an array");
        }
    }

    private static List<String> decoderTypes(JsonNode decoder) {
        List<String> types = new ArrayList<>();
        if (decoder != null) {
            types.add(decoder.path("type").asText());
            decoder.path("decoders").forEach(d -> types.add(d.path("type").asText()));
        }
        return types;
    }

    private static Kind kind(JsonNode decoder, String modelType, boolean byteFallback) {
        List<String> types = decoderTypes(decoder);
        if (types.contains("ByteLevel")) {
            return Kind.BYTE_LEVEL;
        }
        if (types.contains("Metaspace") || types.contains("ByteFallback") || types.contains("Replace")
                || byteFallback || "Unigram".equals(modelType)) {
            return Kind.SENTENCE_PIECE;
        }
        throw new IllegalArgumentException("unsupported tokenizer for constrained decoding: decoder "
                + types + ", model " + modelType + " (need byte-level BPE or SentencePiece-style pieces)");
    }

    private static byte[] byteLevel(String token, int[] inverse) {
        byte[] out = new byte[token.length()];
        int n = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            int b = c < inverse.length ? inverse[c] : -1;
            if (b < 0) {
                // Not in the GPT-2 alphabet: only seen in odd vocabularies; keep the character as UTF-8.
                return token.getBytes(StandardCharsets.UTF_8);
            }
            out[n++] = (byte) b;
        }
        return out;
    }

    /** {@code ▁} is a space; with byte fallback, {@code <0xNN>} is the byte NN. */
    private static byte[] sentencePiece(String token, boolean byteTokens) {
        if (byteTokens && token.length() == 6 && token.startsWith("<0x") && token.endsWith(">")) {
            try {
                return new byte[] {(byte) Integer.parseInt(token.substring(3, 5), 16)};
            } catch (NumberFormatException notAByte) {
                // An ordinary piece that merely looks like a byte token.
            }
        }
        return token.replace('\u2581', ' ').getBytes(StandardCharsets.UTF_8);
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("malformed tokenizer.json: expected " + expected + ", got " + actual);
        }
    }
}
