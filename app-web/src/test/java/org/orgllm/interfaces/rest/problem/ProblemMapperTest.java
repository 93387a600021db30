package org.orgllm.interfaces.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;
import org.orgllm.application.UnknownOrganizationException;
import org.orgllm.application.generation.GenerationInProgressException;
import org.orgllm.domain.model.organization.InvalidOrganizationIdException;

class ProblemMapperTest {

    @Test
    void wireNamesAreSnakeCase() {
        assertThat(ProblemMapper.snake("organizationalValues")).isEqualTo("organizational_values");
        assertThat(ProblemMapper.snake("id")).isEqualTo("id");
        assertThat(ProblemMapper.snake("maxNewTokens")).isEqualTo("max_new_tokens");
    }

    @Test
    void businessErrorsMapToTheirStatusEvenWhenWrappedByTheContainer() {
        Problem unknown = ProblemMapper.problemFor(new EJBException(new UnknownOrganizationException("globex")));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detail()).contains("globex");

        Problem invalid = ProblemMapper.problemFor(new InvalidOrganizationIdException("../etc"));
        assertThat(invalid.status()).isEqualTo(400);
    }

    @Test
    void aRetryWhileTheFirstAttemptRunsIsAConflict() {
        var thrown = new EJBException(new GenerationInProgressException("key-1", java.util.UUID.randomUUID(),
                java.time.Duration.ofSeconds(5)));
        Problem problem = ProblemMapper.problemFor(thrown);
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.detail()).contains("key-1");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        Problem problem = ProblemMapper.problemFor(new jakarta.ws.rs.ProcessingException(
                "Error deserializing object from entity stream.", new jakarta.json.bind.JsonbException("Unexpected char")));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).contains("Unexpected char");
    }

    @Test
    void unexpectedErrorsAreA500WithoutInternals() {
        Problem problem = ProblemMapper.problemFor(new IllegalStateException("secret internal detail"));
        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).doesNotContain("secret");
    }
}
