package org.orgllm.inference.structured;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * A JSON Schema compiled against one vocabulary: start a {@link ConstrainedSequence} per request and the
 * generated text always parses as JSON and validates against the schema.
 *
 * <p>Supported subset: {@code type} (single or a list), {@code object} with {@code properties},
 * {@code required} and boolean {@code additionalProperties} (properties are generated in declaration
 * order, required ones always, optional ones when the model chooses, no others); {@code object} without
 * {@code properties} as a map: any keys, values of the {@code additionalProperties} schema, or any JSON
 * value when it is absent or {@code true} (free-form values nest up to {@link
 * ConstraintOptions#maxNestingDepth()} containers deep; {@code {"type": "object"}} is OpenAI's
 * {@code json_object}); {@code string} with
 * {@code minLength}/{@code maxLength} (code points; any JSON escape except UTF-16 surrogates);
 * {@code integer} and {@code number} with {@code minimum}, {@code maximum}, {@code exclusiveMinimum},
 * {@code exclusiveMaximum} (plain decimals, no exponent, see {@link ConstraintOptions} for the digit
 * limits); {@code boolean}; {@code null}; {@code enum} and {@code const} of scalars; {@code array} with
 * {@code items} (any JSON values when absent), {@code minItems}, {@code maxItems}; local non-recursive {@code $ref} into
 * {@code $defs}/{@code definitions}; {@code anyOf}/{@code oneOf} whose alternatives start with different
 * bytes. Annotations ({@code title}, {@code description}, ...) are ignored; any other keyword is
 * rejected with an {@link IllegalArgumentException} naming it.
 *
 * <p>Whitespace between JSON tokens is allowed in runs of at most {@link
 * ConstraintOptions#maxWhitespaceRun()} bytes; none after the value. Strings and arrays without a maximum
 * get the default caps, so every document is at most {@link #maxOutputBytes()} bytes long.
 *
 * <p>Compile once per schema and vocabulary and reuse it: masks are cached per automaton state and
 * shared by every sequence. Thread-safe.
 */
public final class JsonSchemaConstraint {

    /** Cached masks beyond this are dropped wholesale: the working set of one schema is far smaller. */
    private static final int CACHE_LIMIT = 20_000;

    private final Grammar grammar;
    private final ConstraintOptions options;
    private final TokenVocabulary vocabulary;
    private final VocabularyIndex index;
    private final int[] eosIds;
    private final MaskBuilder masks;
    private final Map<Object, TokenMask> cache = new ConcurrentHashMap<>();

    private JsonSchemaConstraint(Grammar grammar, ConstraintOptions options, TokenVocabulary vocabulary,
                                 int[] eosIds) {
        this.grammar = grammar;
        this.options = options;
        this.vocabulary = vocabulary;
        this.index = vocabulary.index();
        this.eosIds = eosIds.clone();
        this.masks = new MaskBuilder(index, eosIds);
    }

    /** Compiles a schema given as JSON text with the default options. */
    public static JsonSchemaConstraint compile(String jsonSchema, TokenVocabulary vocabulary, int... eosTokenIds) {
        return compile(SchemaCompiler.parse(jsonSchema), vocabulary, ConstraintOptions.defaults(), eosTokenIds);
    }

    /** Compiles a schema with the default options. */
    public static JsonSchemaConstraint compile(JsonNode jsonSchema, TokenVocabulary vocabulary, int... eosTokenIds) {
        return compile(jsonSchema, vocabulary, ConstraintOptions.defaults(), eosTokenIds);
    }

    /**
     * Compiles a schema.
     *
     * @param eosTokenIds the ids that end the sequence; allowed exactly when the document is complete
     * @throws IllegalArgumentException for unsupported keywords, unsatisfiable bounds, or a vocabulary that
     *                                  cannot spell every printable ASCII byte on its own
     */
    public static JsonSchemaConstraint compile(JsonNode jsonSchema, TokenVocabulary vocabulary,
                                               ConstraintOptions options, int... eosTokenIds) {
        Objects.requireNonNull(jsonSchema, "jsonSchema");
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(options, "options");
        if (eosTokenIds.length == 0) {
            throw new IllegalArgumentException("at least one end-of-sequence id is needed");
        }
        requireByteCoverage(vocabulary);
        return new JsonSchemaConstraint(SchemaCompiler.compile(jsonSchema, options), options, vocabulary,
                eosTokenIds);
    }

    /** A fresh matcher for one request. */
    public ConstrainedSequence start() {
        return new ConstrainedSequence(this, new RootFrame(grammar, options.maxWhitespaceRun()));
    }

    /** The most bytes any allowed document takes: an upper bound on the tokens it needs, EOS aside. */
    public long maxOutputBytes() {
        return options.maxWhitespaceRun() + grammar.maxBytes();
    }

    /** The fewest bytes any allowed document takes. */
    public int minOutputBytes() {
        return grammar.minBytes();
    }

    public TokenVocabulary vocabulary() {
        return vocabulary;
    }

    /** The end-of-sequence ids; a copy. */
    public int[] eosTokenIds() {
        return eosIds.clone();
    }

    boolean isEos(int id) {
        for (int e : eosIds) {
            if (e == id) {
                return true;
            }
        }
        return false;
    }

    TokenMask mask(Frame state) {
        Object key = state.stackKey(index.maxChars);
        TokenMask mask = cache.get(key);
        if (mask == null) {
            mask = masks.build(state);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(key, mask);
        }
        return mask;
    }

    TokenMask closingMask(Frame state) {
        return masks.buildClosing(state);
    }

    TokenMask eosOnly() {
        return new TokenMask(null, null, eosIds, new int[0]);
    }

    /** Structural bytes must exist as single tokens, or a document could reach a state no token continues. */
    private static void requireByteCoverage(TokenVocabulary vocabulary) {
        boolean[] covered = new boolean[128];
        for (int id = 0; id < vocabulary.size(); id++) {
            byte[] b = vocabulary.raw(id);
            if (b.length == 1 && vocabulary.isText(id) && b[0] >= 0) {
                covered[b[0]] = true;
            }
        }
        int[] missing = IntStream.range(0x20, 0x7F).filter(c -> !covered[c]).toArray();
        if (missing.length > 0) {
            throw new IllegalArgumentException("the vocabulary has no single-byte token for "
                    + Arrays.toString(Arrays.stream(missing).mapToObj(c -> "'" + (char) c + "'").toArray()));
        }
    }
}
