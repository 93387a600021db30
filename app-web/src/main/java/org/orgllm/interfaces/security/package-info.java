/**
 * How callers authenticate: portal users through the login form, API clients with an
 * {@code Authorization: Bearer <API key>} or HTTP Basic header. One mechanism serves all doors.
 */
package org.orgllm.interfaces.security;
