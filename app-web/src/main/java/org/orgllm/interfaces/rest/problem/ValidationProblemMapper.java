package org.orgllm.interfaces.rest.problem;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Validation failures as problem+json. Needed beside {@link ProblemMapper} because the JAX-RS
 * runtime ships its own, more specific mapper for validation exceptions, which answers without a body.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        Problem problem = ProblemMapper.problemFor(e);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
