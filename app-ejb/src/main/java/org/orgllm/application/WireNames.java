package org.orgllm.application;

import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Field names as callers see them on the wire (snake_case), for error reports of every inbound
 * adapter: REST problem bodies, Temporal failure details and request size checks.
 */
public final class WireNames {

    private WireNames() {}

    /** {@code keyMessages} → {@code key_messages}. */
    public static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * {@code analyze.request.keyMessages[0].<list element>} → {@code key_messages[0]}: method and
     * parameter nodes are dropped, properties keep their index; {@code whole} names an empty path.
     */
    public static String fieldName(Path path, String whole) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PROPERTY, CONTAINER_ELEMENT -> {
                    String name = node.getName() == null || node.getName().startsWith("<") ? "" : snake(node.getName());
                    String index = node.getIndex() != null ? "[" + node.getIndex() + "]" : "";
                    if (!name.isEmpty()) {
                        parts.add(name + index);
                    } else if (!index.isEmpty() && !parts.isEmpty()) {
                        parts.set(parts.size() - 1, parts.getLast() + index);
                    }
                }
                case PARAMETER -> parts.clear();
                default -> { }
            }
        }
        return parts.isEmpty() ? whole : String.join(".", parts);
    }
}
