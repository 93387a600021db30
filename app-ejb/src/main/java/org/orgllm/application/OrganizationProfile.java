package org.orgllm.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.orgllm.domain.model.organization.Organization;
import org.orgllm.domain.model.organization.OrganizationId;

/**
 * An organization's profile as callers see it (snake_case on the wire): what prompts weave in when a
 * request leaves these out.
 */
public record OrganizationProfile(
        @NotNull @Pattern(regexp = OrganizationId.PATTERN, message = "must match " + OrganizationId.PATTERN) String id,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @Size(max = 50) List<@NotBlank @Size(max = 500) String> organizationalValues,
        @Size(max = 50) List<@NotBlank @Size(max = 500) String> strategicGoals,
        @Size(max = 2000) String riskProfile,
        @Size(max = 50) List<@NotBlank @Size(max = 500) String> strengths,
        @Size(max = 2000) String communicationStyle,
        @Size(max = 4000) String brandVoice) {

    public OrganizationProfile {
        organizationalValues = organizationalValues == null ? List.of() : List.copyOf(organizationalValues);
        strategicGoals = strategicGoals == null ? List.of() : List.copyOf(strategicGoals);
        strengths = strengths == null ? List.of() : List.copyOf(strengths);
    }

    public static OrganizationProfile of(Organization o) {
        return new OrganizationProfile(o.id().value(), o.name(), o.description(), o.values(), o.strategicGoals(),
                o.riskProfile(), o.strengths(), o.communicationStyle(), o.brandVoice());
    }

    /** The same profile for another id (the id in a URL path wins over one in a body). */
    public OrganizationProfile withId(String newId) {
        return new OrganizationProfile(newId, name, description, organizationalValues, strategicGoals, riskProfile,
                strengths, communicationStyle, brandVoice);
    }

    /** Writes this profile onto the entity. */
    public void applyTo(Organization o) {
        o.updateProfile(name, description, organizationalValues, strategicGoals, riskProfile, strengths,
                communicationStyle, brandVoice);
    }
}
