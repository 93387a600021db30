package org.orgllm.interfaces.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.failure.ApplicationFailure;
import jakarta.ejb.EJBException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.orgllm.application.ContentTooLargeException;
import org.orgllm.application.UnknownOrganizationException;
import org.orgllm.application.generation.GenerationFailedException;
import org.orgllm.application.generation.GenerationInProgressException;
import org.orgllm.application.generation.ModelUnavailableException;
import org.orgllm.application.generation.OverloadedException;
import org.orgllm.domain.model.organization.InvalidOrganizationIdException;

class ActivityFailuresTest {

    @Test
    void callerMistakesAreNonRetryableWithTheirOwnType() {
        assertThat(ActivityFailures.of(new UnknownOrganizationException("acme")))
                .satisfies(f -> assertThat(f.getType()).isEqualTo("UnknownOrganization"))
                .satisfies(f -> assertThat(f.isNonRetryable()).isTrue())
                .satisfies(f -> assertThat(f.getOriginalMessage()).contains("acme"));
        assertThat(ActivityFailures.of(new InvalidOrganizationIdException("../x")).getType()).isEqualTo("InvalidOrganizationId");
        assertThat(ActivityFailures.of(new ContentTooLargeException("big")).getType()).isEqualTo("ContentTooLarge");
    }

    @Test
    void anOverloadedEngineIsRetriedAfterItsRetryAfter() {
        ApplicationFailure f = ActivityFailures.of(new OverloadedException("full", Duration.ofSeconds(7)));

        assertThat(f.getType()).isEqualTo("Overloaded");
        assertThat(f.isNonRetryable()).isFalse();
        assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
        assertThat(ActivityFailures.of(new OverloadedException("full", Duration.ZERO)).getNextRetryDelay())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRetryWhileTheFirstAttemptRunsIsRetriedAfterItsDelay() {
        ApplicationFailure f = ActivityFailures.of(new EJBException(
                new GenerationInProgressException("temporal:x:wf:1", java.util.UUID.randomUUID(), Duration.ofSeconds(5))));

        assertThat(f.getType()).isEqualTo("GenerationInProgress");
        assertThat(f.isNonRetryable()).isFalse();
        assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aModelThatIsLoadingIsRetriedAfterAFewSeconds() {
        ApplicationFailure f = ActivityFailures.of(new ModelUnavailableException("loading"));

        assertThat(f.isNonRetryable()).isFalse();
        assertThat(f.getNextRetryDelay()).isEqualTo(ActivityFailures.MODEL_UNAVAILABLE_DELAY);
    }

    @Test
    void containerAndExecutorWrappersAreSeenThrough() {
        var wrapped = new ExecutionException(new EJBException(new UnknownOrganizationException("acme")));

        assertThat(ActivityFailures.of(wrapped).getType()).isEqualTo("UnknownOrganization");
        assertThat(ActivityFailures.of(new EJBException(new GenerationFailedException("bad json", null))).getType())
                .isEqualTo("GenerationFailed");
    }

    @Test
    void somethingUnexpectedIsRetriedWithoutItsStackTrace() {
        ApplicationFailure f = ActivityFailures.of(new IllegalStateException("boom"));

        assertThat(f.getType()).isEqualTo("InternalError");
        assertThat(f.isNonRetryable()).isFalse();
        assertThat(f.getCause()).isNull();
    }
}
