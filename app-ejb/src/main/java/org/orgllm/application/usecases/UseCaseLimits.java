package org.orgllm.application.usecases;

import java.lang.reflect.RecordComponent;
import org.orgllm.application.ContentTooLargeException;
import org.orgllm.application.WireNames;

/** Size limits of requests: larger inputs are refused (HTTP 413) rather than truncated silently. */
public final class UseCaseLimits {

    /** Characters one text field of a request may carry (about 50k tokens, beyond any context here). */
    public static final int MAX_CONTENT_CHARS = 200_000;

    private UseCaseLimits() {}

    /** @throws ContentTooLargeException naming the first text field over the limit */
    public static void check(Record request) {
        for (RecordComponent c : request.getClass().getRecordComponents()) {
            if (c.getType() == String.class) {
                try {
                    String value = (String) c.getAccessor().invoke(request);
                    if (value != null && value.length() > MAX_CONTENT_CHARS) {
                        throw new ContentTooLargeException(WireNames.snake(c.getName()) + " has " + value.length()
                                + " characters; at most " + MAX_CONTENT_CHARS + " are accepted");
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

}
