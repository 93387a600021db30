package org.orgllm.application.usecases;

/** Size limits of requests: larger inputs are refused (HTTP 413) rather than truncated silently. */
public final class UseCaseLimits {

    /** Characters of document content one request may carry (about 50k tokens). */
    public static final int MAX_CONTENT_CHARS = 200_000;

    private UseCaseLimits() {}
}
