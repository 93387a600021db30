package org.orgllm.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * Validates request records inside the use case, so every door (REST, portal, Temporal) gets the
 * same Bean Validation messages, whether or not its framework validates on its own.
 */
@ApplicationScoped
public class RequestValidator {

    @Inject
    Validator validator;

    /** @throws ConstraintViolationException naming every invalid field */
    public <T> T validate(T request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }
}
