package org.orgllm.domain.model.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"techcorp", "acme-2", "a1", "0x", "org-with-many-dashes-and-digits-0123456789"})
    void acceptsSlugs(String slug) {
        assertThat(OrganizationId.of(slug).value()).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../etc", "/etc/passwd", "a/b", "a\\b", "techcorp/../admin", "TechCorp", "-acme",
            "a", "", " techcorp", "techcorp ", "tech corp", "tech_corp", "tech.corp", "org%2F..", "té", "techcorp\n",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void refusesAnythingElseBeforeItTouchesAPath(String bad) {
        assertThatThrownBy(() -> OrganizationId.of(bad))
                .isInstanceOf(InvalidOrganizationIdException.class)
                .hasMessageContaining("invalid organization id");
    }

    @org.junit.jupiter.api.Test
    void refusesNull() {
        assertThatThrownBy(() -> OrganizationId.of(null)).isInstanceOf(InvalidOrganizationIdException.class);
    }
}
