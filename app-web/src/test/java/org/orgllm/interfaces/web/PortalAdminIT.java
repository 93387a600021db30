package org.orgllm.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.orgllm.it.Browser;
import org.orgllm.it.DeployedApplication;
import org.orgllm.it.Http;
import org.orgllm.it.RunningServer;

/**
 * The admin's actions in headless Chromium, each checked where it takes effect: an organization
 * created in the form is served by the REST API; a key created on the keys page opens the OpenAI API,
 * and once revoked (through the confirmation dialog) it no longer does.
 */
@ExtendWith(DeployedApplication.class)
class PortalAdminIT {

    private static final String ADMIN = Http.basic("admin", "orgllm-admin");

    private static Browser browser;
    private static String base;
    private static Http http;

    @BeforeAll
    static void open(RunningServer running) throws Exception {
        http = new Http(running);
        browser = new Browser();
        base = running.baseUrl();
    }

    @BeforeEach
    void forgetEarlierConsoleMessages() {
        browser.javaScriptErrors();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOrganizationCreatedInTheFormIsServedByTheApi() throws Exception {
        String id = "portal-it-" + UUID.randomUUID().toString().substring(0, 8);
        PortalPages.signIn(browser, base, "admin", "orgllm-admin", "/app/admin/organizations.xhtml");
        var driver = browser.driver();

        WebElement before = driver.findElement(By.id("organizations-form:org-id"));
        driver.findElement(By.id("organizations-form:dt-admin-organizations:new-organization")).click();
        // the ajax update replaces the editor: wait for the new one before typing into it
        PortalPages.wait(browser, 20).until(ExpectedConditions.stalenessOf(before));
        PortalPages.wait(browser, 20).until(d -> d.findElement(By.id("organizations-form:org-id")).isEnabled());
        type("organizations-form:org-id", id);
        type("organizations-form:org-name", "Portal Test Co");
        type("organizations-form:org-values", "Candour\nCraft");
        type("organizations-form:org-voice", "Plain and warm");
        driver.findElement(By.id("organizations-form:save-organization")).click();
        PortalPages.wait(browser, 30).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("organizations-form:dt-admin-organizations"), id));
        browser.screenshot("admin-organization-created");

        var read = http.get("/api/v1/organizations/" + id, ADMIN);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("name").asText()).isEqualTo("Portal Test Co");
        assertThat(read.json().get("organizational_values").toString()).contains("Candour").contains("Craft");
        assertThat(browser.javaScriptErrors()).isEmpty();
    }

    @Test
    void aKeyCreatedOnTheKeysPageWorksUntilItIsRevoked() throws Exception {
        String name = "portal-it-" + UUID.randomUUID().toString().substring(0, 8);
        PortalPages.signIn(browser, base, "admin", "orgllm-admin", "/app/admin/api-keys.xhtml");
        var driver = browser.driver();

        type("keys-form:key-name", name);
        driver.findElement(By.id("keys-form:create-key")).click();
        PortalPages.wait(browser, 30).until(ExpectedConditions.presenceOfElementLocated(By.id("created-key-value")));
        String key = driver.findElement(By.id("created-key-value")).getText().trim();
        assertThat(key).isNotBlank();
        assertThat(models(key)).as("a fresh key opens the OpenAI API").isEqualTo(200);

        WebElement row = driver.findElements(By.cssSelector("#keys-form\\:dt-api-keys tbody tr")).stream()
                .filter(r -> r.getText().contains(name)).findFirst().orElseThrow();
        row.findElement(By.xpath(".//button[.//span[text()='Revoke']]")).click();
        WebElement yes = PortalPages.wait(browser, 10).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button.ui-confirmdialog-yes")));
        browser.screenshot("admin-revoke-confirm");
        yes.click();
        PortalPages.wait(browser, 30).until(d -> d.findElements(By.cssSelector("#keys-form\\:dt-api-keys tbody tr"))
                .stream().anyMatch(r -> r.getText().contains(name) && r.getText().contains("revoked")));

        assertThat(models(key)).as("a revoked key is refused").isEqualTo(401);
        assertThat(browser.javaScriptErrors()).isEmpty();
    }

    private static int models(String key) throws Exception {
        return http.get("/v1/models", "Bearer " + key).status();
    }

    private static void type(String id, String text) {
        PortalPages.wait(browser, 10).until(d -> {
            WebElement field = d.findElement(By.id(id));
            field.clear();
            field.sendKeys(text);
            return text.equals(field.getAttribute("value"));
        });
    }
}
