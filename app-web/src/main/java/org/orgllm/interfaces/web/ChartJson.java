package org.orgllm.interfaces.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Chart.js configurations for {@code p:chart}, built as JSON: a bar or line chart of named series over
 * labels, in the portal's palette.
 */
final class ChartJson {

    /** The portal's accent first, then colors that stay apart on a white background. */
    private static final List<String> PALETTE = List.of("#4f46e5", "#0ea5e9", "#f59e0b", "#10b981", "#ef4444",
            "#8b5cf6", "#64748b", "#ec4899");

    private ChartJson() {
    }

    /** A named row of values, one per label. */
    record Series(String name, List<? extends Number> values) {}

    static String bar(List<String> labels, List<Series> series, String yTitle) {
        return chart("bar", labels, series, yTitle, null);
    }

    static String line(List<String> labels, List<Series> series, String yTitle) {
        return chart("line", labels, series, yTitle, null);
    }

    /** A bar chart on 0–100 % with a dashed target line. */
    static String percentBar(List<String> labels, List<Series> series, double targetPercent) {
        return chart("bar", labels, series, "%", targetPercent);
    }

    private static String chart(String type, List<String> labels, List<Series> series, String yTitle, Double target) {
        JsonArrayBuilder labelArray = Json.createArrayBuilder();
        labels.forEach(labelArray::add);
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String color = PALETTE.get(i % PALETTE.size());
            JsonArrayBuilder data = Json.createArrayBuilder();
            s.values().forEach(v -> data.add(Math.round(v.doubleValue() * 100) / 100.0));
            datasets.add(Json.createObjectBuilder().add("label", s.name()).add("data", data)
                    .add("backgroundColor", color + ("line".equals(type) ? "33" : "cc")).add("borderColor", color)
                    .add("borderWidth", 2).add("tension", 0.3).add("fill", false));
        }
        if (target != null) {
            JsonArrayBuilder line = Json.createArrayBuilder();
            labels.forEach(l -> line.add(target));
            datasets.add(Json.createObjectBuilder().add("type", "line").add("label", "Target").add("data", line)
                    .add("borderColor", "#dc2626").add("borderDash", Json.createArrayBuilder().add(6).add(4))
                    .add("pointRadius", 0).add("fill", false));
        }
        JsonObjectBuilder y = Json.createObjectBuilder().add("beginAtZero", true)
                .add("title", Json.createObjectBuilder().add("display", true).add("text", yTitle));
        if (target != null) {
            y.add("max", 100);
        }
        JsonObject config = Json.createObjectBuilder()
                .add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labelArray).add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("animation", false)
                        .add("plugins", Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("position", "bottom")))
                        .add("scales", Json.createObjectBuilder().add("y", y)))
                .build();
        return config.toString();
    }
}
