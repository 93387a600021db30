package org.orgllm.application.usecases;

/** What every use-case request carries: the organization it is made for. */
public interface UseCaseRequest {

    String organizationId();
}
