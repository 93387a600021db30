/** The JAX-RS application at {@code /api}: snake_case JSON, RFC 9457 problem bodies for errors. */
package org.orgllm.interfaces.rest;
