/** Version 1 of the REST API ({@code /api/v1}): thin resources that validate, convert and delegate. */
package org.orgllm.interfaces.rest.v1;
