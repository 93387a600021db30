package org.orgllm.application.prompts;

import java.util.List;
import java.util.stream.Collectors;
import org.orgllm.application.OrganizationProfile;
import org.orgllm.application.generation.ChatMessage;

/** Pieces every template shares: the organization's voice in a system message, tidy lists. */
public final class Prompts {

    private Prompts() {}

    /** The system message: who the model speaks for and how. */
    public static ChatMessage system(OrganizationProfile org, String role) {
        StringBuilder s = new StringBuilder();
        s.append("You are ").append(role).append(" for ").append(org.name()).append('.');
        if (org.description() != null && !org.description().isBlank()) {
            s.append(' ').append(org.description().strip());
        }
        section(s, "Organizational values", org.organizationalValues());
        section(s, "Strategic goals", org.strategicGoals());
        section(s, "Strengths", org.strengths());
        line(s, "Risk profile", org.riskProfile());
        line(s, "Communication style", org.communicationStyle());
        line(s, "Brand voice", org.brandVoice());
        s.append("\n\nAnswer only with a JSON object that follows the requested fields exactly.");
        return ChatMessage.system(s.toString());
    }

    public static String bullets(List<String> items) {
        if (items == null || items.isEmpty()) {
            return "(none given)";
        }
        return items.stream().map(i -> "- " + i.strip()).collect(Collectors.joining("\n"));
    }

    public static String orNone(String text) {
        return text == null || text.isBlank() ? "(none given)" : text.strip();
    }

    private static void section(StringBuilder s, String title, List<String> items) {
        if (items != null && !items.isEmpty()) {
            s.append("\n\n").append(title).append(":\n").append(bullets(items));
        }
    }

    private static void line(StringBuilder s, String title, String value) {
        if (value != null && !value.isBlank()) {
            s.append("\n").append(title).append(": ").append(value.strip());
        }
    }
}
