package org.orgllm.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.orgllm.it.Browser;
import org.orgllm.it.DeployedApplication;
import org.orgllm.it.RunningServer;

/** The portal shell in real headless Chromium: landing page, sign-in wired to the users table. */
@ExtendWith(DeployedApplication.class)
class PortalShellIT {

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
    void landingPageShowsTheProductAndTheModelStateWithoutJavaScriptErrors() throws Exception {
        var driver = browser.driver();

        driver.get(base + "/");

        assertThat(driver.getTitle()).contains("OrgLLM");
        assertThat(driver.findElement(By.id("hero-title")).getText()).isEqualTo("Your organization's own language model");
        assertThat(driver.findElement(By.id("model-state")).getText()).isEqualTo("READY");
        assertThat(driver.findElements(By.cssSelector("#features .ui-card"))).hasSize(3);
        browser.screenshot("landing");
        assertThat(browser.javaScriptErrors()).isEmpty();
    }

    @Test
    void signingInLeadsToTheWorkspaceWithTheMembersOrganization() throws Exception {
        var driver = browser.driver();
        driver.manage().deleteAllCookies();

        driver.get(base + "/app/home.xhtml");
        assertThat(driver.getCurrentUrl()).contains("/login.xhtml");
        browser.screenshot("login");
        driver.findElement(By.id("login-form:username")).sendKeys("alice");
        driver.findElement(By.id("login-form:password")).sendKeys("orgllm-alice");
        driver.findElement(By.id("login-form:submit")).click();

        new WebDriverWait(driver, Duration.ofSeconds(30)).until(PortalPages.onPage("/app/home.xhtml"));
        assertThat(driver.findElement(By.id("current-user")).getText()).isEqualTo("alice");
        assertThat(driver.findElement(By.id("dt-organizations")).getText()).contains("TechCorp").contains("techcorp");
        browser.screenshot("workspace");
        assertThat(browser.javaScriptErrors()).isEmpty();
    }

    @Test
    void aWrongPasswordShowsAMessageAndStaysOnTheLoginPage() {
        var driver = browser.driver();
        driver.manage().deleteAllCookies();

        driver.get(base + "/login.xhtml");
        driver.findElement(By.id("login-form:username")).sendKeys("alice");
        driver.findElement(By.id("login-form:password")).sendKeys("not-her-password");
        driver.findElement(By.id("login-form:submit")).click();

        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-form:login-messages"), "Invalid username or password"));
        assertThat(driver.getCurrentUrl()).contains("/login.xhtml");
    }
}
