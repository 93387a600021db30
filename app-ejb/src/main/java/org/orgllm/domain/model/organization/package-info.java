/**
 * Organizations: their validated id ({@link org.orgllm.domain.model.organization.OrganizationId}),
 * their profile (values, goals, risk profile, strengths, voice) and their repository.
 */
package org.orgllm.domain.model.organization;
