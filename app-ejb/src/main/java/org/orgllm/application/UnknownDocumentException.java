package org.orgllm.application;

/** No such knowledge document in this organization. */
public class UnknownDocumentException extends UseCaseException {

    private static final long serialVersionUID = 1L;

    public UnknownDocumentException(String id) {
        super("unknown knowledge document '" + id + "'");
    }
}
