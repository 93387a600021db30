/**
 * The use cases of OrgLLM as interfaces with their request and response records; Bean Validation
 * constraints sit here. Implementations live in {@code internal}; callers (JSF beans, JAX-RS
 * resources, Temporal activities) only see this package.
 */
package org.orgllm.application;
