package org.orgllm.application;

/** No organization with this id exists, or the caller may not see it. */
public class UnknownOrganizationException extends UseCaseException {

    private static final long serialVersionUID = 1L;

    private final String organizationId;

    public UnknownOrganizationException(String organizationId) {
        super("unknown organization '" + organizationId + "'");
        this.organizationId = organizationId;
    }

    public String organizationId() {
        return organizationId;
    }
}
