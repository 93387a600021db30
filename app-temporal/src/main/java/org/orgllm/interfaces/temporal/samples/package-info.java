/**
 * A sample Java workflow that calls OrgLLM's activities: review a document, then announce the review
 * internally. It runs in the caller's own worker on {@value org.orgllm.interfaces.temporal.TaskQueues#DOCUMENT_REVIEW};
 * the activities run in OrgLLM's worker on {@value org.orgllm.interfaces.temporal.TaskQueues#LOCAL_LLM}.
 */
package org.orgllm.interfaces.temporal.samples;
