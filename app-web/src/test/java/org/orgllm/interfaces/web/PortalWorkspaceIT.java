package org.orgllm.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.orgllm.it.Browser;
import org.orgllm.it.DeployedApplication;
import org.orgllm.it.RunningServer;

/** The workspace in headless Chromium: a use case streams its text into the page, then its structured result. */
@ExtendWith(DeployedApplication.class)
class PortalWorkspaceIT {

    private static Browser browser;
    private static String base;

    @BeforeAll
    static void open(RunningServer server) throws Exception {
        browser = new Browser();
        base = server.baseUrl();
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
    void aUseCaseStreamsItsTextAndThenShowsTheStructuredResult() throws Exception {
        PortalPages.signIn(browser, base, "alice", "orgllm-alice", "/app/workspace.xhtml");
        var driver = browser.driver();
        assertThat(driver.findElement(By.id("org-switcher-form:org-switcher")).getText()).contains("TechCorp");
        assertThat(driver.findElement(By.cssSelector("[data-field=organizationalValues]")).getAttribute("value"))
                .as("pre-filled from the profile").isNotBlank();
        driver.get(base + "/app/workspace.xhtml?use_case=generate_document_summary");

        driver.findElement(By.cssSelector("[data-field=content]")).sendKeys("Q3 revenue grew 18%. Churn fell.");
        var budget = driver.findElement(By.id("workspace-form:max-tokens_input"));
        budget.sendKeys(Keys.chord(Keys.CONTROL, "a"), "64");
        browser.screenshot("workspace-form");
        driver.findElement(By.id("workspace-form:generate")).click();

        PortalPages.wait(browser, 120).until(d -> !d.findElement(By.id("stream-text")).getText().isBlank());
        PortalPages.wait(browser, 120).until(d -> !d.findElement(By.id("stream-status")).getText().startsWith("Generating"));
        browser.screenshot("workspace-streamed");
        assertThat(driver.findElement(By.id("stream-status")).getText()).startsWith("Done");
        PortalPages.wait(browser, 30).until(ExpectedConditions.presenceOfElementLocated(By.id("workspace-form:result")));
        assertThat(driver.findElements(By.cssSelector("#workspace-form\\:result .ol-section"))).isNotEmpty();
        browser.screenshot("workspace-result");
        assertThat(browser.javaScriptErrors()).isEmpty();
    }

    @Test
    void aMissingRequiredFieldIsAMessageNotAGeneration() {
        PortalPages.signIn(browser, base, "alice", "orgllm-alice", "/app/workspace.xhtml");
        var driver = browser.driver();

        driver.findElement(By.id("workspace-form:generate")).click();

        PortalPages.wait(browser, 30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "Content"));
        assertThat(driver.findElement(By.id("stream-holder")).getAttribute("data-stream-id")).isBlank();
        assertThat(browser.javaScriptErrors()).isEmpty();
    }
}
