/**
 * Jakarta Security identity stores (people from the {@code users} table; organization API keys)
 * and the {@link org.orgllm.application.CallerContext} the use cases decide access with.
 */
package org.orgllm.infrastructure.security;
