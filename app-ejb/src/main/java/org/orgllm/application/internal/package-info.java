/** The {@code @Stateless} EJB implementations of the use-case interfaces. */
package org.orgllm.application.internal;
