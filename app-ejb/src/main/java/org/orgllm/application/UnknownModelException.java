package org.orgllm.application;

/** The named model does not exist, or the caller may not use it (the two look the same on purpose). */
public class UnknownModelException extends UseCaseException {

    private static final long serialVersionUID = 1L;

    private final String model;

    public UnknownModelException(String model) {
        super("The model '" + model + "' does not exist or you do not have access to it.");
        this.model = model;
    }

    public String model() {
        return model;
    }
}
