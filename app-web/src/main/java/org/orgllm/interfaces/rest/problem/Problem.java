package org.orgllm.interfaces.rest.problem;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} lists the offending fields of a validation failure.
 */
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: its (snake_case) name and what is wrong with it. */
    public record FieldError(String field, String message) {}

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }
}
