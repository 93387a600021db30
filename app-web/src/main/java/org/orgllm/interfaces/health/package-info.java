/** MicroProfile Health checks: readiness of the database and of the model, liveness. */
package org.orgllm.interfaces.health;
