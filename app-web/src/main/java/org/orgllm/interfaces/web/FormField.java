package org.orgllm.interfaces.web;

import java.io.Serializable;
import java.util.List;

/**
 * One input of a use-case form, derived from a component of the use case's request record.
 *
 * @param name the record component's name (also the key of the form's value map)
 * @param kind how it is entered: a line, a text area, a list (one item per line), a number or a choice
 */
public record FormField(String name, String label, Kind kind, boolean required, List<String> options)
        implements Serializable {

    /** How a field is entered. */
    public enum Kind { TEXT, TEXTAREA, LIST, NUMBER, CHOICE }

    public boolean isText() {
        return kind == Kind.TEXT;
    }

    public boolean isTextarea() {
        return kind == Kind.TEXTAREA || kind == Kind.LIST;
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    public boolean isChoice() {
        return kind == Kind.CHOICE;
    }

    /** A kebab-case id for the input, e.g. {@code field-customer-message}. */
    public String inputId() {
        return "field-" + name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
