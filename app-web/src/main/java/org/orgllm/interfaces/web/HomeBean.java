package org.orgllm.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.orgllm.application.OrganizationProfile;
import org.orgllm.application.OrganizationService;

/** The signed-in home page: the organizations the person works for and their profiles. */
@Named
@ViewScoped
public class HomeBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OrganizationService organizations;

    private List<OrganizationProfile> visible;

    @PostConstruct
    void init() {
        visible = organizations.listVisible();
    }

    public List<OrganizationProfile> getOrganizations() {
        return visible;
    }
}
