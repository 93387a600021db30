package org.orgllm.application;

/** An organization with this id already exists. */
public class DuplicateOrganizationException extends UseCaseException {

    private static final long serialVersionUID = 1L;

    public DuplicateOrganizationException(String organizationId) {
        super("organization '" + organizationId + "' already exists");
    }
}
