package org.orgllm.interfaces.openai;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Validation failures in OpenAI's error body. Needed beside {@link OpenAiExceptionMapper} because the
 * JAX-RS runtime ships its own, more specific mapper for validation exceptions, which answers without a body.
 */
public class OpenAiValidationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        OpenAiExceptionMapper.Failure failure = OpenAiExceptionMapper.failureFor(e);
        return Response.status(failure.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(failure.body()).build();
    }
}
