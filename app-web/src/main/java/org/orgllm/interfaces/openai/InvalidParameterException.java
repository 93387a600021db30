package org.orgllm.interfaces.openai;

/** A request parameter the API cannot honour as sent: answered with a 400 naming it. */
public class InvalidParameterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String param;
    private final String code;

    public InvalidParameterException(String param, String message) {
        this(param, message, null);
    }

    public InvalidParameterException(String param, String message, String code) {
        super(message);
        this.param = param;
        this.code = code;
    }

    /** Unsupported: a parameter that would change the answer's meaning if it were ignored. */
    public static InvalidParameterException unsupported(String param) {
        return new InvalidParameterException(param, "Unsupported parameter: '" + param
                + "' is not supported by this server.", "unsupported_parameter");
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }
}
