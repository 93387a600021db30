package org.orgllm.inference.structured;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives a JSON Schema from a Java record, so that response types are the one source of truth.
 *
 * <p>Components become snake_case properties ({@code keyInsights} → {@code key_insights}), all required,
 * with {@code additionalProperties: false}: {@code String} → string, {@code List}/{@code Collection} →
 * array, {@code double}/{@code float}/{@code BigDecimal} → number, {@code int}/{@code long}/{@code short}/
 * {@code BigInteger} → integer, {@code boolean} → boolean, enums → string enum of their names, records →
 * nested objects. Bean Validation constraints present on a component (or on a list's element type) are
 * read by annotation type name, so this module needs no Jakarta dependency: {@code Size} →
 * minLength/maxLength or minItems/maxItems, {@code Min}/{@code Max}/{@code DecimalMin}/{@code DecimalMax}
 * → bounds, {@code Positive}/{@code PositiveOrZero}/{@code Negative}/{@code NegativeOrZero} → bounds,
 * {@code NotBlank}/{@code NotEmpty} → at least one character or item.
 */
public final class RecordSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> PACKAGES = List.of("jakarta.validation.constraints.",
            "javax.validation.constraints.");

    private RecordSchemas() {
    }

    /** The schema of a record type. */
    public static ObjectNode of(Class<? extends Record> type) {
        return new Deriver().record(type);
    }

    /** The schema of a record type as JSON text. */
    public static String json(Class<? extends Record> type) {
        return of(type).toString();
    }

    /** {@code camelCase} or {@code PascalCase} to {@code snake_case}; acronyms stay together ({@code httpURL} → {@code http_url}). */
    public static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1))
                        || Character.isDigit(name.charAt(i - 1)));
                boolean endsAcronym = i > 0 && Character.isUpperCase(name.charAt(i - 1))
                        && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (afterLower || endsAcronym) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Walks the record graph; the stack of records in progress catches recursive types. */
    private static final class Deriver {

        private final Deque<Class<?>> inProgress = new ArrayDeque<>();

        ObjectNode record(Class<?> type) {
            if (inProgress.contains(type)) {
                throw new IllegalArgumentException("recursive record " + type.getName() + " has no finite schema");
            }
            inProgress.push(type);
            try {
                ObjectNode schema = MAPPER.createObjectNode();
                schema.put("type", "object");
                ObjectNode properties = schema.putObject("properties");
                ArrayNode required = MAPPER.createArrayNode();
                for (RecordComponent c : type.getRecordComponents()) {
                    String name = snakeCase(c.getName());
                    properties.set(name, value(c.getAnnotatedType(), constraints(type, c), c.getName()));
                    required.add(name);
                }
                schema.set("required", required);
                schema.put("additionalProperties", false);
                return schema;
            } finally {
                inProgress.pop();
            }
        }

        private ObjectNode value(AnnotatedType annotated, Map<String, Annotation> constraints, String where) {
            Type type = annotated.getType();
            Class<?> raw = rawClass(type, where);
            ObjectNode schema = MAPPER.createObjectNode();
            if (raw == String.class || raw == char.class || raw == Character.class) {
                schema.put("type", "string");
                if (raw != String.class) {
                    schema.put("minLength", 1).put("maxLength", 1);
                } else {
                    applyLength(schema, constraints, "minLength", "maxLength");
                }
            } else if (raw == boolean.class || raw == Boolean.class) {
                schema.put("type", "boolean");
            } else if (isInteger(raw)) {
                schema.put("type", "integer");
                applyBounds(schema, constraints);
            } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
                    || raw == BigDecimal.class) {
                schema.put("type", "number");
                applyBounds(schema, constraints);
            } else if (raw.isEnum()) {
                schema.put("type", "string");
                ArrayNode values = schema.putArray("enum");
                for (Object constant : raw.getEnumConstants()) {
                    values.add(((Enum<?>) constant).name());
                }
            } else if (Collection.class.isAssignableFrom(raw)) {
                if (!(annotated instanceof AnnotatedParameterizedType p)) {
                    throw new IllegalArgumentException(where + ": a collection needs its element type");
                }
                AnnotatedType element = p.getAnnotatedActualTypeArguments()[0];
                schema.put("type", "array");
                schema.set("items", value(element, typeUseConstraints(element), where + "[]"));
                applyLength(schema, constraints, "minItems", "maxItems");
            } else if (raw.isRecord()) {
                return record(raw);
            } else {
                throw new IllegalArgumentException(where + ": no JSON Schema for " + type.getTypeName());
            }
            return schema;
        }
    }

    private static boolean isInteger(Class<?> raw) {
        return raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == short.class || raw == Short.class || raw == byte.class || raw == Byte.class
                || raw == BigInteger.class;
    }

    private static Class<?> rawClass(Type type, String where) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        throw new IllegalArgumentException(where + ": unsupported type " + type.getTypeName());
    }

    /**
     * The constraint annotations of a component by simple name. Bean Validation annotations do not target
     * record components, so Java copies them to the field and accessor (and to the type, for type-use).
     */
    private static Map<String, Annotation> constraints(Class<?> record, RecordComponent component) {
        Map<String, Annotation> found = new LinkedHashMap<>();
        List<AnnotatedElement> sources = new ArrayList<>();
        sources.add(component);
        sources.add(component.getAccessor());
        try {
            Field field = record.getDeclaredField(component.getName());
            sources.add(field);
        } catch (NoSuchFieldException impossible) {
            throw new IllegalStateException(impossible);
        }
        for (AnnotatedElement source : sources) {
            collect(source.getAnnotations(), found);
        }
        collect(component.getAnnotatedType().getAnnotations(), found);
        return found;
    }

    private static Map<String, Annotation> typeUseConstraints(AnnotatedType type) {
        Map<String, Annotation> found = new LinkedHashMap<>();
        collect(type.getAnnotations(), found);
        return found;
    }

    private static void collect(Annotation[] annotations, Map<String, Annotation> into) {
        for (Annotation a : annotations) {
            String name = a.annotationType().getName();
            for (String pkg : PACKAGES) {
                if (name.startsWith(pkg)) {
                    into.putIfAbsent(name.substring(pkg.length()), a);
                }
            }
        }
    }

    private static void applyLength(ObjectNode schema, Map<String, Annotation> constraints, String minKey,
                                    String maxKey) {
        int min = 0;
        Integer max = null;
        Annotation size = constraints.get("Size");
        if (size != null) {
            min = (Integer) attribute(size, "min");
            int m = (Integer) attribute(size, "max");
            max = m == Integer.MAX_VALUE ? null : m;
        }
        if (constraints.containsKey("NotBlank") || constraints.containsKey("NotEmpty")) {
            min = Math.max(min, 1);
        }
        if (min > 0) {
            schema.put(minKey, min);
        }
        if (max != null) {
            schema.put(maxKey, max);
        }
    }

    private static void applyBounds(ObjectNode schema, Map<String, Annotation> constraints) {
        Annotation a;
        if ((a = constraints.get("Min")) != null) {
            schema.put("minimum", (Long) attribute(a, "value"));
        }
        if ((a = constraints.get("Max")) != null) {
            schema.put("maximum", (Long) attribute(a, "value"));
        }
        if ((a = constraints.get("DecimalMin")) != null) {
            BigDecimal v = new BigDecimal((String) attribute(a, "value"));
            schema.put((Boolean) attribute(a, "inclusive") ? "minimum" : "exclusiveMinimum", v);
        }
        if ((a = constraints.get("DecimalMax")) != null) {
            BigDecimal v = new BigDecimal((String) attribute(a, "value"));
            schema.put((Boolean) attribute(a, "inclusive") ? "maximum" : "exclusiveMaximum", v);
        }
        if (constraints.containsKey("Positive")) {
            schema.put("exclusiveMinimum", 0);
        }
        if (constraints.containsKey("PositiveOrZero")) {
            schema.put("minimum", 0);
        }
        if (constraints.containsKey("Negative")) {
            schema.put("exclusiveMaximum", 0);
        }
        if (constraints.containsKey("NegativeOrZero")) {
            schema.put("maximum", 0);
        }
    }

    private static Object attribute(Annotation a, String name) {
        try {
            return a.annotationType().getMethod(name).invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot read " + name + " of " + a, e);
        }
    }
}
