package org.orgllm.application;

import java.time.Instant;

/**
 * A model a caller may name in an OpenAI-style call.
 *
 * @param id {@code org-<organization id>} or the base model's name
 * @param ownedBy the organization's id, or {@code orgllm} for the base model
 * @param created when the organization was created; the epoch for the base model (not known)
 */
public record ServedModel(String id, String ownedBy, Instant created) {

    /** Model names of organizations: {@code org-} and the organization's id. */
    public static final String ORGANIZATION_PREFIX = "org-";

    /** Who owns the plain base model in listings. */
    public static final String BASE_OWNER = "orgllm";
}
