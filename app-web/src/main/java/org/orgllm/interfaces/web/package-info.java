/** The portal's JSF beans: thin, view-scoped adapters over the application services. */
package org.orgllm.interfaces.web;
