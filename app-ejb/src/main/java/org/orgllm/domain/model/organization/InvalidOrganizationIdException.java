package org.orgllm.domain.model.organization;

/** An organization id that breaks the slug rule; the message shows the (truncated) offending value. */
public class InvalidOrganizationIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidOrganizationIdException(String value) {
        super("invalid organization id '" + abbreviate(value) + "': expected " + OrganizationId.PATTERN
                + " (lower-case letters, digits and dashes, 2-63 characters)");
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }
}
