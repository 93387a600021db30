package org.orgllm.interfaces.web;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One section of a structured result as the portal shows it: a text, a list, or a score between 0
 * and 1 (shown as a gauge). Built from the result's JSON, so every use case renders the same way.
 */
public record ResultSection(String title, String text, List<String> items, Double score) implements Serializable {

    public boolean isScore() {
        return score != null;
    }

    public boolean isList() {
        return items != null;
    }

    /** The score as a whole percentage, for a progress bar. */
    public int getPercent() {
        return score == null ? 0 : (int) Math.round(score * 100);
    }

    /** A PrimeFaces severity for the score's badge. */
    public String getSeverity() {
        return score == null ? "info" : score >= 0.75 ? "success" : score >= 0.5 ? "warning" : "danger";
    }

    /** The result's top-level fields as sections, in their order. */
    public static List<ResultSection> of(String json) {
        List<ResultSection> sections = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return sections;
        }
        JsonValue root;
        try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
            root = reader.readValue();
        } catch (RuntimeException e) {
            sections.add(new ResultSection("Output", json, null, null));
            return sections;
        }
        if (!(root instanceof JsonObject object)) {
            sections.add(new ResultSection("Output", json, null, null));
            return sections;
        }
        object.forEach((key, value) -> sections.add(section(title(key), value)));
        return sections;
    }

    /** The result as Markdown: a heading per section. */
    public static String markdown(String heading, List<ResultSection> sections) {
        StringBuilder md = new StringBuilder("# ").append(heading).append("\n\n");
        for (ResultSection s : sections) {
            md.append("## ").append(s.title()).append("\n\n");
            if (s.isScore()) {
                md.append(String.format(Locale.ROOT, "%.2f", s.score())).append("\n\n");
            } else if (s.isList()) {
                s.items().forEach(i -> md.append("- ").append(i).append('\n'));
                md.append('\n');
            } else {
                md.append(s.text()).append("\n\n");
            }
        }
        return md.toString();
    }

    private static ResultSection section(String title, JsonValue value) {
        return switch (value) {
            case JsonNumber n when n.doubleValue() >= 0 && n.doubleValue() <= 1 && !n.isIntegral() || isUnitScore(title, n) ->
                    new ResultSection(title, null, null, n.doubleValue());
            case JsonArray a -> new ResultSection(title, null, a.stream().map(ResultSection::plain).toList(), null);
            default -> new ResultSection(title, plain(value), null, null);
        };
    }

    private static boolean isUnitScore(String title, JsonNumber n) {
        return title.toLowerCase(Locale.ROOT).contains("score") && n.doubleValue() >= 0 && n.doubleValue() <= 1;
    }

    private static String plain(JsonValue value) {
        return switch (value) {
            case JsonString s -> s.getString();
            case JsonObject o -> o.entrySet().stream().map(e -> title(e.getKey()) + ": " + plain(e.getValue()))
                    .reduce((a, b) -> a + "; " + b).orElse("");
            case JsonArray a -> String.join(", ", a.stream().map(ResultSection::plain).toList());
            default -> value.toString();
        };
    }

    private static String title(String key) {
        String words = key.replace('_', ' ').replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
