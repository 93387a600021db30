package org.orgllm.application.usecases;

import java.util.Locale;

/** The kinds of internal communication a draft can be. */
public enum CommunicationType {
    EXECUTIVE_UPDATE, TEAM_ANNOUNCEMENT, POLICY_COMMUNICATION, CUSTOMER_NOTIFICATION, TRAINING_MATERIAL;

    /** The wire form: {@code executive_update}; also accepts {@code executive update} and {@code Executive Update}. */
    public static CommunicationType parse(String text) {
        return valueOf(text.trim().replace(' ', '_').replace('-', '_').toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
