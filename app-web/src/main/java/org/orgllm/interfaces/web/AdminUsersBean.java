package org.orgllm.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import org.orgllm.application.NewUser;
import org.orgllm.application.OrganizationProfile;
import org.orgllm.application.OrganizationService;
import org.orgllm.application.UseCaseException;
import org.orgllm.application.UserAdminService;
import org.orgllm.application.UserChange;
import org.orgllm.application.UserView;
import org.orgllm.domain.model.organization.InvalidOrganizationIdException;
import org.orgllm.domain.model.user.Role;

/** Administration of users: create one with roles and memberships, change an existing one. */
@Named
@ViewScoped
public class AdminUsersBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserAdminService userAdmin;

    @Inject
    OrganizationService organizations;

    private List<UserView> users;
    private List<OrganizationProfile> allOrganizations;
    private boolean creating = true;
    private String username;
    private String displayName;
    private String password;
    private List<String> roles = new ArrayList<>(List.of(Role.USER.name()));
    private List<String> memberships = new ArrayList<>();
    private boolean enabled = true;

    @PostConstruct
    void init() {
        users = userAdmin.list();
        allOrganizations = organizations.listVisible();
    }

    public void startNew() {
        creating = true;
        username = null;
        displayName = null;
        password = null;
        roles = new ArrayList<>(List.of(Role.USER.name()));
        memberships = new ArrayList<>();
        enabled = true;
    }

    public void edit(UserView u) {
        creating = false;
        username = u.username();
        displayName = u.displayName();
        password = null;
        roles = new ArrayList<>(u.roles());
        memberships = new ArrayList<>(u.organizationIds());
        enabled = u.enabled();
    }

    public void save() {
        var roleSet = EnumSet.noneOf(Role.class);
        roles.forEach(r -> roleSet.add(Role.valueOf(r)));
        try {
            if (creating) {
                userAdmin.create(new NewUser(username, displayName, password, roleSet, new HashSet<>(memberships)));
                Messages.info("User created", username);
            } else {
                userAdmin.update(new UserChange(username, displayName, roleSet, new HashSet<>(memberships), enabled));
                Messages.info("User saved", username);
            }
            creating = false;
            password = null;
            users = userAdmin.list();
        } catch (ConstraintViolationException e) {
            e.getConstraintViolations().forEach(v -> Messages.error(v.getPropertyPath().toString(), v.getMessage()));
            FacesContext.getCurrentInstance().validationFailed();
        } catch (UseCaseException | InvalidOrganizationIdException e) {
            Messages.error("Not saved", e.getMessage());
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public List<String> getAllRoles() {
        return Arrays.stream(Role.values()).map(Role::name).toList();
    }

    public List<OrganizationProfile> getAllOrganizations() {
        return allOrganizations;
    }

    public List<UserView> getUsers() {
        return users;
    }

    public boolean isCreating() {
        return creating;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public List<String> getMemberships() {
        return memberships;
    }

    public void setMemberships(List<String> memberships) {
        this.memberships = memberships;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
