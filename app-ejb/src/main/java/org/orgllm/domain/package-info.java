/** The OrgLLM domain: organizations and their profiles, people, generations and feedback. */
package org.orgllm.domain;
