package org.orgllm.interfaces.temporal.samples;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Reviews a document against the organization's values, then drafts an internal note about the review. */
@WorkflowInterface
public interface DocumentReviewWorkflow {

    @WorkflowMethod
    DocumentReview review(DocumentReviewRequest request);
}
