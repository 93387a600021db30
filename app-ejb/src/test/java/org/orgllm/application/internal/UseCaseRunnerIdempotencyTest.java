package org.orgllm.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orgllm.application.CallerContext;
import org.orgllm.application.generation.Completion;
import org.orgllm.application.generation.CompletionRequest;
import org.orgllm.application.generation.GenerationInProgressException;
import org.orgllm.application.generation.LanguageModel;
import org.orgllm.application.usecases.DocumentSummary;
import org.orgllm.application.usecases.DocumentSummaryRequest;
import org.orgllm.application.usecases.UseCase;
import org.orgllm.application.usecases.UseCaseOptions;
import org.orgllm.application.usecases.UseCaseResult;
import org.orgllm.domain.model.generation.Channel;
import org.orgllm.domain.model.generation.Generation;
import org.orgllm.domain.model.generation.GenerationFilter;
import org.orgllm.domain.model.generation.GenerationRepository;
import org.orgllm.domain.model.generation.GenerationStatus;
import org.orgllm.domain.model.organization.Organization;
import org.orgllm.domain.model.organization.OrganizationId;
import org.orgllm.domain.model.organization.OrganizationRepository;

/** Retries with an idempotency key: replayed, refused while the first attempt runs, or run anew. */
class UseCaseRunnerIdempotencyTest {

    private static final String KEY = "temporal:generate_document_summary:wf-1:1";

    private final List<Generation> stored = new ArrayList<>();
    private int modelCalls;
    private UseCaseRunner runner;

    @BeforeEach
    void setUp() {
        runner = new UseCaseRunner();
        runner.validator = new RequestValidator();
        runner.validator.validator = Validation.buildDefaultValidatorFactory().getValidator();
        Organization techcorp = new Organization(OrganizationId.of("techcorp"), "TechCorp");
        runner.access = new OrganizationAccess();
        runner.access.organizations = organizations(techcorp);
        runner.access.caller = new Admin();
        runner.caller = runner.access.caller;
        runner.recorder = new GenerationRecorder();
        runner.recorder.generations = new InMemoryGenerations();
        runner.model = new LanguageModel() {
            @Override
            public Completion complete(CompletionRequest request) {
                modelCalls++;
                return new Completion("{\"summary\":\"Sales doubled.\"}", "stop", 10, 5, 0, 1, 2, "demo", "techcorp@v1",
                        "prompt");
            }

            @Override
            public String baseModelName() {
                return "demo";
            }
        };
    }

    private UseCaseResult<DocumentSummary> run() {
        return runner.run(UseCase.SUMMARY, new DocumentSummaryRequest("techcorp", null, "Sales doubled this year.", null),
                UseCaseOptions.of(Channel.TEMPORAL).withIdempotencyKey(KEY));
    }

    @Test
    void aRetryAfterSuccessIsReplayedWithoutCallingTheModel() {
        UseCaseResult<DocumentSummary> first = run();
        UseCaseResult<DocumentSummary> second = run();

        assertThat(modelCalls).isEqualTo(1);
        assertThat(second.result()).isEqualTo(first.result());
        assertThat(stored).hasSize(1);
    }

    @Test
    void aRetryWhileTheFirstAttemptRunsIsToldToComeBack() {
        Generation running = running(Instant.now().minusSeconds(30));

        assertThatThrownBy(this::run).isInstanceOfSatisfying(GenerationInProgressException.class, e -> {
            assertThat(e.generationId()).isEqualTo(running.id());
            assertThat(e.retryAfter()).isPositive();
        });
        assertThat(modelCalls).isZero();
        assertThat(stored).containsExactly(running);
        assertThat(running.idempotencyKey()).isEqualTo(KEY);
    }

    @Test
    void aStaleRunningAttemptGivesItsKeyUp() {
        Generation stale = running(Instant.now().minus(UseCaseRunner.RUNNING_IS_STALE_AFTER).minusSeconds(1));

        UseCaseResult<DocumentSummary> result = run();

        assertThat(modelCalls).isEqualTo(1);
        assertThat(result.result().summary()).isEqualTo("Sales doubled.");
        assertThat(stale.idempotencyKey()).isNotEqualTo(KEY).startsWith(KEY + "#attempt-");
        assertThat(stored).hasSize(2);
        assertThat(stored.get(1).idempotencyKey()).isEqualTo(KEY);
        assertThat(stored.get(1).status()).isEqualTo(GenerationStatus.SUCCEEDED);
    }

    @Test
    void aFailedAttemptGivesItsKeyUpAtOnce() {
        Generation failed = running(Instant.now());
        failed.fail(GenerationStatus.FAILED, "UnparseableOutput", "bad", "{", null);

        run();

        assertThat(modelCalls).isEqualTo(1);
        assertThat(failed.idempotencyKey()).startsWith(KEY + "#attempt-");
    }

    /** A RUNNING record of this use case under the key, created at {@code createdAt}. */
    private Generation running(Instant createdAt) {
        Generation g = new Generation(OrganizationId.of("techcorp"), UseCase.SUMMARY.name(), Channel.TEMPORAL, "worker",
                KEY, "{}", "prompt", "summary/v1", "{}");
        try {
            Field f = Generation.class.getDeclaredField("createdAt");
            f.setAccessible(true);
            f.set(g, createdAt);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        stored.add(g);
        return g;
    }

    private static OrganizationRepository organizations(Organization only) {
        return new OrganizationRepository() {
            @Override
            public Optional<Organization> find(OrganizationId id) {
                return id.equals(only.id()) ? Optional.of(only) : Optional.empty();
            }

            @Override
            public List<Organization> findAll() {
                return List.of(only);
            }

            @Override
            public List<Organization> findAll(java.util.Collection<OrganizationId> ids) {
                return ids.contains(only.id()) ? List.of(only) : List.of();
            }

            @Override
            public boolean exists(OrganizationId id) {
                return id.equals(only.id());
            }

            @Override
            public void store(Organization organization) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private final class InMemoryGenerations implements GenerationRepository {
        @Override
        public void store(Generation generation) {
            stored.add(generation);
        }

        @Override
        public Optional<Generation> find(UUID id) {
            return stored.stream().filter(g -> g.id().equals(id)).findFirst();
        }

        @Override
        public Optional<Generation> findByIdempotencyKey(String key) {
            return stored.stream().filter(g -> key.equals(g.idempotencyKey())).findFirst();
        }

        @Override
        public List<Generation> search(OrganizationId organization, String useCase, Instant from, Instant to, int offset,
                int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count(OrganizationId organization, String useCase, Instant from, Instant to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Generation> search(GenerationFilter filter, int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count(GenerationFilter filter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> baseModels(OrganizationId organization) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> adapterVersions(OrganizationId organization) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class Admin implements CallerContext {
        @Override
        public String name() {
            return "worker";
        }

        @Override
        public boolean isAdmin() {
            return true;
        }

        @Override
        public boolean hasRole(String role) {
            return true;
        }

        @Override
        public boolean canAccess(OrganizationId organization) {
            return true;
        }
    }
}
