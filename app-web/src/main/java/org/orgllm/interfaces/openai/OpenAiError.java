package org.orgllm.interfaces.openai;

/**
 * OpenAI's error body: {@code {"error": {"message", "type", "param", "code"}}}.
 */
public record OpenAiError(Detail error) {

    /** What went wrong; {@code param} names the offending request parameter when there is one. */
    public record Detail(String message, String type, String param, String code) {}

    public static final String INVALID_REQUEST = "invalid_request_error";
    public static final String SERVER_ERROR = "server_error";

    public static OpenAiError of(String message, String type, String param, String code) {
        return new OpenAiError(new Detail(message, type, param, code));
    }

    /** The body of a 401: no key, or one that is not (or no longer) valid. */
    public static OpenAiError unauthorized(String message) {
        return of(message, INVALID_REQUEST, null, "invalid_api_key");
    }
}
