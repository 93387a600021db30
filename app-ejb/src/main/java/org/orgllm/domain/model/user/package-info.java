/** People who sign in to the portal: their hashed password, global roles and organization memberships. */
package org.orgllm.domain.model.user;
