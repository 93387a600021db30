package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.orgllm.application.OrganizationProfile;
import static org.orgllm.application.usecases.UseCaseRequest.or;
import static org.orgllm.application.usecases.UseCaseRequest.orList;

/** {@code draft_internal_communication}: what to communicate, to whom, in which form. */
public record CommunicationRequest(
        @NotBlank String organizationId,
        @Size(max = 200) String organizationName,
        @NotBlank @Pattern(regexp = "(?i)executive[ _-]update|team[ _-]announcement|policy[ _-]communication|customer[ _-]notification|training[ _-]material",
                message = "must be one of executive_update, team_announcement, policy_communication, customer_notification, training_material")
        String communicationType,
        @NotBlank @Size(max = 300) String targetAudience,
        @NotBlank @Size(max = 500) String topic,
        @Size(max = 20) List<@Size(max = 500) String> keyMessages,
        @Size(max = 2000) String communicationStyle) implements UseCaseRequest<CommunicationRequest> {

    @Override
    public CommunicationRequest withProfile(OrganizationProfile p) {
        return new CommunicationRequest(organizationId, or(organizationName, p.name()), communicationType, targetAudience, topic, keyMessages, or(communicationStyle, or(p.communicationStyle(), p.brandVoice())));
    }
}
