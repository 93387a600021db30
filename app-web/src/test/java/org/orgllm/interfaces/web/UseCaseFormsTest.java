package org.orgllm.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orgllm.application.OrganizationProfile;
import org.orgllm.application.usecases.CommunicationRequest;
import org.orgllm.application.usecases.DocumentSummaryRequest;
import org.orgllm.application.usecases.StrategyRequest;
import org.orgllm.application.usecases.UseCase;

class UseCaseFormsTest {

    private static final OrganizationProfile TECHCORP = new OrganizationProfile("techcorp", "TechCorp", null,
            List.of("Integrity", "Customer focus"), List.of("Grow EU"), "moderate", List.of("Logistics"), "plain",
            "warm");

    @Test
    void everyUseCaseHasAFormWithoutTheOrganizationFields() {
        for (UseCase<?, ?> useCase : UseCase.ALL) {
            List<FormField> fields = UseCaseForms.fields(useCase.name());

            assertThat(fields).as(useCase.name()).isNotEmpty();
            assertThat(fields).extracting(FormField::name).doesNotContain("organizationId", "organizationName");
            assertThat(fields).as(useCase.name()).anyMatch(FormField::required);
        }
    }

    @Test
    void fieldKindsFollowTheRequestTypes() {
        List<FormField> fields = UseCaseForms.fields(UseCase.COMMUNICATION.name());

        assertThat(field(fields, "communicationType").kind()).isEqualTo(FormField.Kind.CHOICE);
        assertThat(field(fields, "communicationType").options()).contains("team_announcement");
        assertThat(field(fields, "keyMessages").kind()).isEqualTo(FormField.Kind.LIST);
        assertThat(field(fields, "topic").kind()).isEqualTo(FormField.Kind.TEXT);
        assertThat(field(fields, "topic").required()).isTrue();
        assertThat(field(fields, "topic").inputId()).isEqualTo("field-topic");
        assertThat(field(UseCaseForms.fields(UseCase.SUMMARY.name()), "maxWords").kind()).isEqualTo(FormField.Kind.NUMBER);
    }

    @Test
    void theFormIsPrefilledFromTheProfileListsOnePerLine() {
        Map<String, String> values = UseCaseForms.prefilled(UseCase.STRATEGY.name(), TECHCORP);

        assertThat(values.get("organizationalValues")).isEqualTo("Integrity\nCustomer focus");
        assertThat(values.get("riskProfile")).isEqualTo("moderate");
        assertThat(values.get("scenario")).isNull();
        assertThat(values).doesNotContainKey("organizationId");
    }

    @Test
    void theRequestIsBuiltFromTheValuesForTheChosenOrganization() {
        var request = (StrategyRequest) UseCaseForms.build(UseCase.STRATEGY.name(), "techcorp",
                Map.of("scenario", " A competitor cut prices. ", "stakeholders", "CFO\n\n Sales \n", "context", "  "));

        assertThat(request.organizationId()).isEqualTo("techcorp");
        assertThat(request.scenario()).isEqualTo("A competitor cut prices.");
        assertThat(request.stakeholders()).containsExactly("CFO", "Sales");
        assertThat(request.context()).isNull();
    }

    @Test
    void numbersAreParsedAndNonNumbersRefused() {
        var request = (DocumentSummaryRequest) UseCaseForms.build(UseCase.SUMMARY.name(), "techcorp",
                Map.of("content", "text", "maxWords", "50"));
        assertThat(request.maxWords()).isEqualTo(50);

        assertThatThrownBy(() -> UseCaseForms.build(UseCase.SUMMARY.name(), "techcorp", Map.of("maxWords", "fifty")))
                .isInstanceOf(NumberFormatException.class);
    }

    @Test
    void aChoiceIsPassedThroughAsTheWireValue() {
        var request = (CommunicationRequest) UseCaseForms.build(UseCase.COMMUNICATION.name(), "techcorp",
                Map.of("communicationType", "team_announcement", "targetAudience", "All", "topic", "Travel"));

        assertThat(request.communicationType()).isEqualTo("team_announcement");
    }

    private static FormField field(List<FormField> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
