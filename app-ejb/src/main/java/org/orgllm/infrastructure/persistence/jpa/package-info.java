/** JPA (Hibernate) implementations of the domain repositories. */
package org.orgllm.infrastructure.persistence.jpa;
