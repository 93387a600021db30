package org.orgllm.inference.structured;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Turns a JSON Schema (the subset documented on {@link JsonSchemaConstraint}) into a {@link Grammar}. */
final class SchemaCompiler {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$schema", "$id", "$comment",
            "default", "examples", "deprecated", "readOnly", "writeOnly", "$defs", "definitions");
    private static final Set<String> SUPPORTED = Set.of("type", "properties", "required", "additionalProperties",
            "items", "minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "enum", "const", "anyOf", "oneOf", "$ref");
    private static final Set<String> OBJECT_KEYWORDS = Set.of("properties", "required", "additionalProperties");
    private static final Set<String> ARRAY_KEYWORDS = Set.of("items", "minItems", "maxItems");
    private static final Set<String> STRING_KEYWORDS = Set.of("minLength", "maxLength");
    private static final Set<String> NUMBER_KEYWORDS = Set.of("minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum");

    /** Characters of a key in a free-form object. */
    private static final int FREE_KEY_LENGTH = 64;

    private final JsonNode root;
    private final ConstraintOptions options;
    private final Deque<String> resolving = new ArrayDeque<>();

    private SchemaCompiler(JsonNode root, ConstraintOptions options) {
        this.root = root;
        this.options = options;
    }

    static Grammar compile(JsonNode schema, ConstraintOptions options) {
        return new SchemaCompiler(schema, options).compile(schema, "#");
    }

    private Grammar compile(JsonNode schema, String path) {
        if (!schema.isObject()) {
            throw new IllegalArgumentException("schema at " + path + " must be an object, got " + schema);
        }
        checkKeywords(schema, path);
        if (schema.has("$ref")) {
            return reference(schema, path);
        }
        if (schema.has("anyOf") || schema.has("oneOf")) {
            return alternatives(schema, path);
        }
        if (schema.has("const") || schema.has("enum")) {
            return literals(schema, path);
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            List<Grammar> alternatives = new ArrayList<>();
            for (JsonNode t : type) {
                alternatives.add(typed(schema, t.asText(), path));
            }
            return alternatives.size() == 1 ? alternatives.getFirst() : new AnyOfGrammar(alternatives);
        }
        return typed(schema, type == null ? inferType(schema, path) : type.asText(), path);
    }

    private Grammar typed(JsonNode schema, String type, String path) {
        return switch (type) {
            case "object" -> object(schema, path);
            case "array" -> array(schema, path);
            case "string" -> string(schema, path);
            case "integer" -> number(schema, true, path);
            case "number" -> number(schema, false, path);
            case "boolean" -> new LiteralGrammar(List.of(ascii("true"), ascii("false")));
            case "null" -> new LiteralGrammar(List.of(ascii("null")));
            default -> throw new IllegalArgumentException("unknown type '" + type + "' at " + path);
        };
    }

    private Grammar object(JsonNode schema, String path) {
        JsonNode additional = schema.get("additionalProperties");
        boolean declared = schema.path("properties").size() > 0;
        boolean closed = additional != null && additional.isBoolean() && !additional.booleanValue();
        if (!declared && !closed) {
            return map(schema, additional, path);
        }
        if (additional != null && !additional.isBoolean()) {
            throw new IllegalArgumentException("additionalProperties at " + path
                    + " must be true or false beside properties; a schema for extra properties is only supported"
                    + " without properties (a map)");
        }
        JsonNode properties = schema.path("properties");
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<byte[]> keys = new ArrayList<>();
        List<Grammar> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        properties.properties().forEach(e -> {
            names.add(e.getKey());
            keys.add(json(TextNode.valueOf(e.getKey())));
            values.add(compile(e.getValue(), path + "/properties/" + e.getKey()));
        });
        Set<String> unknown = new TreeSet<>(required);
        names.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("required properties " + unknown + " at " + path
                    + " are not declared in properties");
        }
        boolean[] isRequired = new boolean[names.size()];
        for (int i = 0; i < isRequired.length; i++) {
            isRequired[i] = required.contains(names.get(i));
        }
        return new ObjectGrammar(keys, values, isRequired, options.maxWhitespaceRun());
    }

    /**
     * An object with no declared properties: any keys, each value of the {@code additionalProperties}
     * schema, or any JSON value when that is absent or {@code true}.
     */
    private Grammar map(JsonNode schema, JsonNode additional, String path) {
        if (schema.path("required").size() > 0) {
            Set<String> undeclared = new TreeSet<>();
            schema.get("required").forEach(r -> undeclared.add(r.asText()));
            throw new IllegalArgumentException("required properties " + undeclared + " at " + path
                    + " are not declared in properties");
        }
        Grammar values = additional == null || additional.isBoolean()
                ? anyValue(options.maxNestingDepth())
                : compile(additional, path + "/additionalProperties");
        return new MapGrammar(freeKey(), values, options.defaultMaxItems(), options.maxWhitespaceRun());
    }

    /**
     * Any JSON value with containers nested at most {@code depth} deep: an object or array at depth 0
     * holds only scalars. Numbers follow the default digit limits.
     */
    private Grammar anyValue(int depth) {
        List<Grammar> alternatives = new ArrayList<>();
        alternatives.add(new StringGrammar(0, options.defaultMaxStringLength()));
        alternatives.add(number(MAPPER.createObjectNode(), false, "#"));
        alternatives.add(new LiteralGrammar(List.of(ascii("true"), ascii("false"), ascii("null"))));
        if (depth > 0) {
            Grammar inner = anyValue(depth - 1);
            alternatives.add(new MapGrammar(freeKey(), inner, options.defaultMaxItems(), options.maxWhitespaceRun()));
            alternatives.add(new ArrayGrammar(inner, 0, options.defaultMaxItems(), options.maxWhitespaceRun()));
        }
        return new AnyOfGrammar(alternatives);
    }

    /** Keys of free-form objects: names, not prose. */
    private StringGrammar freeKey() {
        return new StringGrammar(1, Math.min(FREE_KEY_LENGTH, options.defaultMaxStringLength()));
    }

    private Grammar array(JsonNode schema, String path) {
        JsonNode items = schema.get("items");
        int min = nonNegative(schema, "minItems", 0, path);
        int max = schema.has("maxItems") ? nonNegative(schema, "maxItems", 0, path)
                : Math.max(min, options.defaultMaxItems());
        if (min > max) {
            throw new IllegalArgumentException("minItems > maxItems at " + path);
        }
        Grammar itemGrammar = items == null || (items.isBoolean() && items.booleanValue())
                ? anyValue(Math.max(0, options.maxNestingDepth() - 1))
                : compile(items, path + "/items");
        return new ArrayGrammar(itemGrammar, min, max, options.maxWhitespaceRun());
    }

    private Grammar string(JsonNode schema, String path) {
        int min = nonNegative(schema, "minLength", 0, path);
        int max = schema.has("maxLength") ? nonNegative(schema, "maxLength", 0, path)
                : Math.max(min, options.defaultMaxStringLength());
        if (min > max) {
            throw new IllegalArgumentException("minLength > maxLength at " + path);
        }
        return new StringGrammar(min, max);
    }

    private Grammar number(JsonNode schema, boolean integer, String path) {
        int frac = integer ? 0 : options.maxFractionDigits();
        BigDecimal lo = decimal(schema, "minimum", path);
        BigDecimal hi = decimal(schema, "maximum", path);
        BigDecimal exLo = decimal(schema, "exclusiveMinimum", path);
        BigDecimal exHi = decimal(schema, "exclusiveMaximum", path);
        boolean lowerExclusive = exLo != null && (lo == null || exLo.compareTo(lo) >= 0);
        boolean upperExclusive = exHi != null && (hi == null || exHi.compareTo(hi) <= 0);
        BigDecimal lower = lowerExclusive ? exLo : lo;
        BigDecimal upper = upperExclusive ? exHi : hi;
        int digits = options.maxIntegerDigits();
        if (lower != null && upper != null) {
            // Bounded both ways: allow exactly the integer digits the bounds need.
            digits = Math.max(integerDigits(lower), integerDigits(upper));
        }
        digits = Math.min(digits, 18 - frac);
        BigDecimal scale = BigDecimal.TEN.pow(frac);
        long maxMagnitude = NumberGrammar.pow10(digits + frac) - 1;
        long low = -maxMagnitude;
        long high = maxMagnitude;
        if (lower != null) {
            BigDecimal s = lower.multiply(scale);
            low = clamp(lowerExclusive ? s.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE)
                    : s.setScale(0, RoundingMode.CEILING), maxMagnitude);
        }
        if (upper != null) {
            BigDecimal s = upper.multiply(scale);
            high = clamp(upperExclusive ? s.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE)
                    : s.setScale(0, RoundingMode.FLOOR), maxMagnitude);
        }
        if (low > high) {
            throw new IllegalArgumentException("no " + (integer ? "integer" : "number with at most " + frac
                    + " fraction digits") + " satisfies the bounds at " + path);
        }
        return new NumberGrammar(digits, frac, low, high);
    }

    private Grammar literals(JsonNode schema, String path) {
        List<JsonNode> values = new ArrayList<>();
        if (schema.has("const")) {
            values.add(schema.get("const"));
        } else {
            schema.get("enum").forEach(values::add);
        }
        Set<String> types = new HashSet<>();
        JsonNode type = schema.get("type");
        if (type != null) {
            (type.isArray() ? type : MAPPER.createArrayNode().add(type)).forEach(t -> types.add(t.asText()));
        }
        List<byte[]> texts = new ArrayList<>();
        for (JsonNode v : values) {
            if (v.isContainerNode()) {
                throw new IllegalArgumentException("enum/const at " + path + " may only hold scalars, got " + v);
            }
            String t = typeOf(v);
            if (types.isEmpty() || types.contains(t) || (t.equals("integer") && types.contains("number"))) {
                texts.add(json(v));
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("enum/const at " + path + " has no value of the declared type");
        }
        return new LiteralGrammar(texts);
    }

    private Grammar alternatives(JsonNode schema, String path) {
        String keyword = schema.has("anyOf") ? "anyOf" : "oneOf";
        Set<String> others = new TreeSet<>();
        schema.fieldNames().forEachRemaining(others::add);
        others.removeAll(ANNOTATIONS);
        others.remove(keyword);
        if (!others.isEmpty()) {
            throw new IllegalArgumentException(keyword + " at " + path + " cannot be combined with " + others);
        }
        List<Grammar> alternatives = new ArrayList<>();
        int i = 0;
        for (JsonNode alternative : schema.get(keyword)) {
            alternatives.add(compile(alternative, path + "/" + keyword + "/" + i++));
        }
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException(keyword + " at " + path + " is empty");
        }
        return alternatives.size() == 1 ? alternatives.getFirst() : new AnyOfGrammar(alternatives);
    }

    private Grammar reference(JsonNode schema, String path) {
        String ref = schema.get("$ref").asText();
        Set<String> others = new TreeSet<>();
        schema.fieldNames().forEachRemaining(others::add);
        others.removeAll(ANNOTATIONS);
        others.remove("$ref");
        if (!others.isEmpty()) {
            throw new IllegalArgumentException("$ref at " + path + " cannot be combined with " + others);
        }
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("only local $ref (#/$defs/...) is supported, got " + ref);
        }
        if (resolving.contains(ref)) {
            throw new IllegalArgumentException("recursive $ref " + ref + " is not supported");
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("$ref " + ref + " at " + path + " points nowhere");
        }
        resolving.push(ref);
        try {
            return compile(target, ref);
        } finally {
            resolving.pop();
        }
    }

    private static void checkKeywords(JsonNode schema, String path) {
        Set<String> unsupported = new TreeSet<>();
        schema.fieldNames().forEachRemaining(k -> {
            if (!SUPPORTED.contains(k) && !ANNOTATIONS.contains(k)) {
                unsupported.add(k);
            }
        });
        if (!unsupported.isEmpty()) {
            throw new IllegalArgumentException("unsupported JSON Schema keyword(s) " + unsupported + " at " + path);
        }
    }

    private static String inferType(JsonNode schema, String path) {
        List<String> types = new ArrayList<>();
        if (hasAny(schema, OBJECT_KEYWORDS)) {
            types.add("object");
        }
        if (hasAny(schema, ARRAY_KEYWORDS)) {
            types.add("array");
        }
        if (hasAny(schema, STRING_KEYWORDS)) {
            types.add("string");
        }
        if (hasAny(schema, NUMBER_KEYWORDS)) {
            types.add("number");
        }
        if (types.size() != 1) {
            throw new IllegalArgumentException("schema at " + path + " needs a type");
        }
        return types.getFirst();
    }

    private static boolean hasAny(JsonNode schema, Set<String> keywords) {
        for (String k : keywords) {
            if (schema.has(k)) {
                return true;
            }
        }
        return false;
    }

    private static String typeOf(JsonNode v) {
        if (v.isTextual()) {
            return "string";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isNull()) {
            return "null";
        }
        return v.isIntegralNumber() || (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0)
                ? "integer" : "number";
    }

    private static int nonNegative(JsonNode schema, String keyword, int fallback, String path) {
        JsonNode v = schema.get(keyword);
        if (v == null) {
            return fallback;
        }
        if (!v.canConvertToInt() || v.asInt() < 0) {
            throw new IllegalArgumentException(keyword + " at " + path + " must be a non-negative integer");
        }
        return v.asInt();
    }

    private static BigDecimal decimal(JsonNode schema, String keyword, String path) {
        JsonNode v = schema.get(keyword);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(keyword + " at " + path + " must be a number");
        }
        return v.decimalValue();
    }

    private static int integerDigits(BigDecimal v) {
        return v.abs().setScale(0, RoundingMode.CEILING).toPlainString().length();
    }

    private static long clamp(BigDecimal v, long magnitude) {
        if (v.compareTo(BigDecimal.valueOf(magnitude)) > 0) {
            return magnitude;
        }
        if (v.compareTo(BigDecimal.valueOf(-magnitude)) < 0) {
            return -magnitude;
        }
        return v.longValueExact();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] json(JsonNode value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + value, e);
        }
    }

    static ObjectNode parse(String schema) {
        try {
            JsonNode node = MAPPER.readTree(schema);
            if (!(node instanceof ObjectNode o)) {
                throw new IllegalArgumentException("a JSON Schema must be an object");
            }
            return o;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON Schema: " + e.getOriginalMessage(), e);
        }
    }
}
