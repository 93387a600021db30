package org.orgllm.interfaces.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.orgllm.application.OrganizationProfile;
import org.orgllm.application.OrganizationService;

/**
 * The organization the signed-in person works for right now, chosen in the header among their
 * memberships. Every workspace page acts for this organization.
 */
@Named
@SessionScoped
public class OrganizationSwitcher implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OrganizationService organizations;

    private String current;

    /** The organizations the person may act for (all of them for an ADMIN). */
    public List<OrganizationProfile> getMemberships() {
        return organizations.listVisible();
    }

    /** The chosen organization's id; the first membership until one is chosen. */
    public String getCurrent() {
        List<OrganizationProfile> visible = getMemberships();
        if (current == null || visible.stream().noneMatch(o -> o.id().equals(current))) {
            // An ADMIN sees every organization; start with one they belong to.
            var own = organizations.memberships();
            current = visible.stream().map(OrganizationProfile::id).filter(own::contains).findFirst()
                    .orElse(visible.isEmpty() ? null : visible.getFirst().id());
        }
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    /** The chosen organization's profile, or null when the person belongs to none. */
    public OrganizationProfile getProfile() {
        String id = getCurrent();
        return id == null ? null : organizations.get(id);
    }

    /** Reloads the page so every view starts again for the new organization. */
    public void switched() throws IOException {
        var external = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
        var request = (jakarta.servlet.http.HttpServletRequest) external.getRequest();
        String page = request.getRequestURI();
        if (page.endsWith("/generation.xhtml")) {
            page = request.getContextPath() + "/app/history.xhtml";
        }
        external.redirect(page);
    }
}
