package org.orgllm.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.util.List;
import org.orgllm.application.OrganizationProfile;
import org.orgllm.application.OrganizationService;
import org.orgllm.application.UseCaseException;
import org.orgllm.domain.model.organization.InvalidOrganizationIdException;

/** Administration of organizations and their profiles: create one, edit one. */
@Named
@ViewScoped
public class AdminOrganizationsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OrganizationService organizations;

    private List<OrganizationProfile> all;
    private boolean creating;
    private String id;
    private String name;
    private String description;
    private String values;
    private String goals;
    private String riskProfile;
    private String strengths;
    private String communicationStyle;
    private String brandVoice;

    @PostConstruct
    void init() {
        all = organizations.listVisible();
        startNew();
    }

    public void startNew() {
        creating = true;
        id = null;
        name = null;
        description = null;
        values = null;
        goals = null;
        riskProfile = null;
        strengths = null;
        communicationStyle = null;
        brandVoice = null;
    }

    public void edit(OrganizationProfile p) {
        creating = false;
        id = p.id();
        name = p.name();
        description = p.description();
        values = String.join("\n", p.organizationalValues());
        goals = String.join("\n", p.strategicGoals());
        riskProfile = p.riskProfile();
        strengths = String.join("\n", p.strengths());
        communicationStyle = p.communicationStyle();
        brandVoice = p.brandVoice();
    }

    public void save() {
        OrganizationProfile profile = new OrganizationProfile(id == null ? null : id.strip(), name, description,
                lines(values), lines(goals), riskProfile, lines(strengths), communicationStyle, brandVoice);
        try {
            if (creating) {
                organizations.create(profile);
                Messages.info("Organization created", profile.id());
            } else {
                organizations.update(id, profile);
                Messages.info("Profile saved", profile.id());
            }
            creating = false;
            all = organizations.listVisible();
        } catch (ConstraintViolationException e) {
            e.getConstraintViolations().forEach(v -> Messages.error(v.getPropertyPath().toString(), v.getMessage()));
            FacesContext.getCurrentInstance().validationFailed();
        } catch (UseCaseException | InvalidOrganizationIdException e) {
            Messages.error("Not saved", e.getMessage());
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public List<OrganizationProfile> getAll() {
        return all;
    }

    public boolean isCreating() {
        return creating;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getValues() {
        return values;
    }

    public void setValues(String values) {
        this.values = values;
    }

    public String getGoals() {
        return goals;
    }

    public void setGoals(String goals) {
        this.goals = goals;
    }

    public String getRiskProfile() {
        return riskProfile;
    }

    public void setRiskProfile(String riskProfile) {
        this.riskProfile = riskProfile;
    }

    public String getStrengths() {
        return strengths;
    }

    public void setStrengths(String strengths) {
        this.strengths = strengths;
    }

    public String getCommunicationStyle() {
        return communicationStyle;
    }

    public void setCommunicationStyle(String communicationStyle) {
        this.communicationStyle = communicationStyle;
    }

    public String getBrandVoice() {
        return brandVoice;
    }

    public void setBrandVoice(String brandVoice) {
        this.brandVoice = brandVoice;
    }
}
