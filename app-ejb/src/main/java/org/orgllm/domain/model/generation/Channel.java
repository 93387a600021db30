package org.orgllm.domain.model.generation;

import java.util.Locale;

/** The door a generation came through. */
public enum Channel {
    PORTAL, API, OPENAI, TEMPORAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
