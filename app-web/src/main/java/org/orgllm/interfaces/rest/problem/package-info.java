/** Maps every failure to an RFC 9457 {@code application/problem+json} response with the right status. */
package org.orgllm.interfaces.rest.problem;
