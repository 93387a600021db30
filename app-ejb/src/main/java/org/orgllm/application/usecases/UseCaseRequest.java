package org.orgllm.application.usecases;

import java.util.List;
import org.orgllm.application.OrganizationProfile;
import static org.orgllm.application.usecases.UseCaseRequest.or;
import static org.orgllm.application.usecases.UseCaseRequest.orList;

/**
 * What every use-case request carries: the organization it is made for, and how the organization's
 * stored profile fills whatever the request leaves out (name, values, goals, risk profile, strengths, voice).
 */
public interface UseCaseRequest<Q extends UseCaseRequest<Q>> {

    String organizationId();

    /** This request with its empty fields taken from the profile. */
    Q withProfile(OrganizationProfile profile);

    /** {@code value} unless blank, else {@code fallback}. */
    static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** {@code value} unless empty, else {@code fallback}. */
    static List<String> orList(List<String> value, List<String> fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
