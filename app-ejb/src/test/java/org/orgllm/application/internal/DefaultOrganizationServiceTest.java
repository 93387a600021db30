package org.orgllm.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orgllm.application.AccessDeniedException;
import org.orgllm.application.CallerContext;
import org.orgllm.application.DuplicateOrganizationException;
import org.orgllm.application.OrganizationProfile;
import org.orgllm.application.UnknownOrganizationException;
import org.orgllm.domain.model.organization.Organization;
import org.orgllm.domain.model.organization.OrganizationId;
import org.orgllm.domain.model.organization.OrganizationRepository;

/** The organization use case with an in-memory repository and a configurable caller. */
class DefaultOrganizationServiceTest {

    private final Map<String, Organization> stored = new LinkedHashMap<>();
    private final TestCaller caller = new TestCaller();
    private DefaultOrganizationService service;

    @BeforeEach
    void setUp() {
        service = new DefaultOrganizationService();
        service.organizations = new InMemoryOrganizations();
        service.caller = caller;
        service.validator = new RequestValidator();
        service.validator.validator = Validation.buildDefaultValidatorFactory().getValidator();
        service.access = new OrganizationAccess();
        service.access.organizations = service.organizations;
        service.access.caller = caller;
    }

    @Test
    void anAdminCreatesAndReadsAProfile() {
        caller.admin = true;
        service.create(profile("acme", "Acme"));

        OrganizationProfile read = service.get("acme");

        assertThat(read.name()).isEqualTo("Acme");
        assertThat(read.organizationalValues()).containsExactly("Integrity");
        assertThat(stored).containsKey("acme");
    }

    @Test
    void aDuplicateIdIsRefused() {
        caller.admin = true;
        service.create(profile("acme", "Acme"));
        assertThatThrownBy(() -> service.create(profile("acme", "Acme 2"))).isInstanceOf(DuplicateOrganizationException.class);
    }

    @Test
    void validationNamesTheFieldsAndStoresNothing() {
        caller.admin = true;
        assertThatThrownBy(() -> service.create(profile("../etc", " ")))
                .isInstanceOf(ConstraintViolationException.class)
                .satisfies(e -> assertThat(((ConstraintViolationException) e).getConstraintViolations())
                        .extracting(v -> v.getPropertyPath().toString())
                        .containsExactlyInAnyOrder("id", "name"));
        assertThat(stored).isEmpty();
    }

    @Test
    void onlyAnAdminCreatesOrUpdates() {
        assertThatThrownBy(() -> service.create(profile("acme", "Acme"))).isInstanceOf(AccessDeniedException.class);
        caller.admin = true;
        service.create(profile("acme", "Acme"));
        caller.admin = false;
        caller.members.add("acme");
        assertThatThrownBy(() -> service.update("acme", profile("acme", "Renamed"))).isInstanceOf(AccessDeniedException.class);
        assertThat(stored.get("acme").name()).isEqualTo("Acme");
    }

    @Test
    void anotherOrganizationLooksUnknownToANonMember() {
        caller.admin = true;
        service.create(profile("acme", "Acme"));
        service.create(profile("globex", "Globex"));
        caller.admin = false;
        caller.members.add("acme");

        assertThat(service.get("acme").name()).isEqualTo("Acme");
        assertThatThrownBy(() -> service.get("globex")).isInstanceOf(UnknownOrganizationException.class);
        assertThat(service.listVisible()).extracting(OrganizationProfile::id).containsExactly("acme");
    }

    @Test
    void theIdInThePathWinsOnUpdate() {
        caller.admin = true;
        service.create(profile("acme", "Acme"));
        service.update("acme", profile("other-id", "Acme Renamed"));
        assertThat(stored).containsOnlyKeys("acme");
        assertThat(stored.get("acme").name()).isEqualTo("Acme Renamed");
    }

    private static OrganizationProfile profile(String id, String name) {
        return new OrganizationProfile(id, name, null, List.of("Integrity"), List.of(), null, List.of(), null, null);
    }

    private final class InMemoryOrganizations implements OrganizationRepository {
        @Override
        public Optional<Organization> find(OrganizationId id) {
            return Optional.ofNullable(stored.get(id.value()));
        }

        @Override
        public List<Organization> findAll() {
            return List.copyOf(stored.values());
        }

        @Override
        public List<Organization> findAll(Collection<OrganizationId> ids) {
            return ids.stream().map(i -> stored.get(i.value())).filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public boolean exists(OrganizationId id) {
            return stored.containsKey(id.value());
        }

        @Override
        public void store(Organization organization) {
            stored.put(organization.id().value(), organization);
        }
    }

    private static final class TestCaller implements CallerContext {
        boolean admin;
        final Set<String> members = new java.util.HashSet<>();

        @Override
        public String name() {
            return "tester";
        }

        @Override
        public boolean isAdmin() {
            return admin;
        }

        @Override
        public boolean hasRole(String role) {
            return admin && role.equals("ADMIN");
        }

        @Override
        public boolean canAccess(OrganizationId organization) {
            return admin || members.contains(organization.value());
        }
    }
}
