package org.orgllm.domain.model.user;

/**
 * What a person may do. USER runs the use cases of their organizations, REVIEWER also rates outputs
 * (the RLHF data), ADMIN manages organizations, people, keys and models of every organization.
 */
public enum Role {
    USER,
    REVIEWER,
    ADMIN;

    /** The role names as the container knows them (web.xml, {@code @RolesAllowed}, {@code isCallerInRole}). */
    public static final String USER_NAME = "USER";
    public static final String REVIEWER_NAME = "REVIEWER";
    public static final String ADMIN_NAME = "ADMIN";
}
