package org.orgllm.domain.model.organization;

import java.util.regex.Pattern;

/**
 * The id of an organization: a slug of 2–63 lower-case letters, digits and dashes, starting with a
 * letter or digit. It is checked here, before it reaches a query, a path or a model folder name, so
 * {@code ../etc}, {@code /}, absolute paths and anything else are refused at the door.
 */
public record OrganizationId(String value) {

    /** The rule, also enforced by the database's CHECK constraint. */
    public static final String PATTERN = "[a-z0-9][a-z0-9-]{1,62}";

    private static final Pattern VALID = Pattern.compile(PATTERN);

    public OrganizationId {
        if (!isValid(value)) {
            throw new InvalidOrganizationIdException(value);
        }
    }

    public static OrganizationId of(String value) {
        return new OrganizationId(value);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
