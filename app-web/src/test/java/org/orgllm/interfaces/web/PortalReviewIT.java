package org.orgllm.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.orgllm.it.Browser;
import org.orgllm.it.DeployedApplication;
import org.orgllm.it.Http;
import org.orgllm.it.RunningServer;

/**
 * Reviewing in headless Chromium: rating a generation and finding the rating in history, a pairwise
 * choice stored as a preference pair, the dashboards, and the walls between roles and organizations.
 */
@ExtendWith(DeployedApplication.class)
class PortalReviewIT {

    private static final String ADMIN = Http.basic("admin", "orgllm-admin");
    private static final String SUMMARY_REQUEST =
            "{\"organization_id\":\"%s\",\"content\":\"The board approved the analytics launch for Q2.\",\"max_words\":30}";

    private static Browser browser;
    private static String base;
    private static RunningServer server;
    private static Http http;

    @BeforeAll
    static void open(RunningServer running) throws Exception {
        server = running;
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
    void aReviewerRatesAGenerationAndFindsTheRatingInHistory() throws Exception {
        String id = generate("techcorp");
        PortalPages.signIn(browser, base, "rita", "orgllm-rita", "/app/generation.xhtml?id=" + id);
        var driver = browser.driver();
        assertThat(driver.findElement(By.id("generation")).getText()).contains("Summarize a document");

        star("feedback-form:quality", 4);
        star("feedback-form:alignment", 5);
        star("feedback-form:brand-voice", 3);
        driver.findElement(By.xpath("//div[@id='feedback-form:thumbs']//div[contains(@class,'ui-button')][1]")).click();
        driver.findElement(By.id("feedback-form:rationale")).sendKeys("On message, a little stiff.");
        browser.screenshot("generation-feedback");
        driver.findElement(By.id("feedback-form:save-feedback")).click();
        PortalPages.wait(browser, 30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("dt-feedback"), "rita"));
        driver.findElement(By.id("feedback-form:save-feedback")).click();
        PortalPages.wait(browser, 30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "Feedback saved"));

        try (Connection c = server.database().connect(); var s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), max(quality), max(alignment), max(brand_voice), bool_and(thumbs_up)"
                        + " FROM feedback WHERE generation_id = '" + id + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("a double submit is one row").isEqualTo(1);
            assertThat(rs.getInt(2)).isEqualTo(4);
            assertThat(rs.getInt(3)).isEqualTo(5);
            assertThat(rs.getInt(4)).isEqualTo(3);
            assertThat(rs.getBoolean(5)).isTrue();
        }

        driver.get(base + "/app/history.xhtml");
        assertThat(driver.findElement(By.id("history-form:dt-generations")).getText()).contains("Summarize a document");
        browser.screenshot("history");
        driver.get(base + "/app/generation.xhtml?id=" + id);
        assertThat(driver.findElement(By.id("dt-feedback")).getText()).contains("rita").contains("On message");
        assertThat(browser.javaScriptErrors()).isEmpty();
    }

    @Test
    void aPairwiseChoiceStoresAPreferencePair() throws Exception {
        PortalPages.signIn(browser, base, "rita", "orgllm-rita", "/app/review/pairwise.xhtml");
        var driver = browser.driver();
        driver.findElement(By.cssSelector("[data-field=content]")).sendKeys("Churn fell by a third after the loyalty launch.");
        var budget = driver.findElement(By.id("pairwise-form:max-tokens_input"));
        budget.sendKeys(Keys.chord(Keys.CONTROL, "a"), "64");
        driver.findElement(By.id("pairwise-form:generate-pair")).click();

        PortalPages.wait(browser, 180).until(ExpectedConditions.presenceOfElementLocated(By.id("pairwise-form:candidate-b")));
        browser.screenshot("pairwise");
        driver.findElement(By.xpath("//div[@id='pairwise-form:preferred']//div[contains(@class,'ui-button')][3]")).click();
        driver.findElement(By.id("pairwise-form:pair-rationale")).sendKeys("B keeps the number.");
        driver.findElement(By.id("pairwise-form:choose")).click();
        PortalPages.wait(browser, 30).until(ExpectedConditions.presenceOfElementLocated(By.id("pairwise-form:pair-recorded")));

        try (Connection c = server.database().connect(); var s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT p.preferred, p.reviewer, p.rationale, a.use_case, b.use_case, a.id <> b.id"
                        + " FROM preference_pairs p JOIN generations a ON a.id = p.generation_a_id"
                        + " JOIN generations b ON b.id = p.generation_b_id ORDER BY p.id DESC LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("B");
            assertThat(rs.getString(2)).isEqualTo("rita");
            assertThat(rs.getString(3)).isEqualTo("B keeps the number.");
            assertThat(rs.getString(4)).isEqualTo("generate_document_summary").isEqualTo(rs.getString(5));
            assertThat(rs.getBoolean(6)).isTrue();
        }
        assertThat(browser.javaScriptErrors()).isEmpty();
    }

    @Test
    void theDashboardRendersChartsWithData() throws Exception {
        generate("techcorp");
        PortalPages.signIn(browser, base, "admin", "orgllm-admin", "/app/dashboard.xhtml");
        var driver = browser.driver();

        PortalPages.wait(browser, 30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dashboard-form\\:chart-requests canvas")));
        Object datasets = ((JavascriptExecutor) driver).executeScript(
                "return PF(Object.keys(PrimeFaces.widgets).find(k => k.indexOf('chart_requests') >= 0 || k.indexOf('chart-requests') >= 0))"
                        + ".chart.data.datasets.length");
        assertThat(((Number) datasets).intValue()).isPositive();
        assertThat(driver.findElements(By.cssSelector(".ol-charts canvas"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(driver.findElement(By.id("engine-live")).getText()).contains("Queue depth");
        browser.screenshot("dashboard");
        assertThat(browser.javaScriptErrors()).isEmpty();
    }

    @Test
    void aUserCannotOpenAdminOrReviewPages() throws Exception {
        PortalPages.signIn(browser, base, "alice", "orgllm-alice", "/app/workspace.xhtml");
        var driver = browser.driver();
        assertThat(driver.findElements(By.id("nav-admin"))).isEmpty();

        driver.get(base + "/app/admin/users.xhtml");
        assertThat(driver.findElement(By.id("forbidden")).getText()).contains("Not allowed");
        assertThat(driver.findElements(By.id("users-form"))).isEmpty();
        driver.get(base + "/app/review/queue.xhtml");
        assertThat(driver.findElements(By.id("forbidden"))).hasSize(1);
        browser.screenshot("forbidden");
    }

    @Test
    void aMemberOfOneOrganizationCannotOpenAnotherOrganizationsGenerationByUrl() throws Exception {
        var created = http.post("/api/v1/organizations", ADMIN,
                "{\"id\":\"globex\",\"name\":\"Globex\",\"organizational_values\":[\"Speed\"]}");
        assertThat(created.status()).isIn(201, 409);
        String foreign = generate("globex");

        PortalPages.signIn(browser, base, "alice", "orgllm-alice", "/app/generation.xhtml?id=" + foreign);
        var driver = browser.driver();

        assertThat(driver.findElement(By.id("not-found")).getText()).contains("Generation not found");
        assertThat(driver.getPageSource()).doesNotContain("globex").doesNotContain("analytics launch");
        browser.screenshot("generation-not-found");
        assertThat(browser.javaScriptErrors()).isEmpty();
    }

    @Test
    void adminPagesOpenWithoutJavaScriptErrors() throws Exception {
        PortalPages.signIn(browser, base, "admin", "orgllm-admin", "/app/admin/organizations.xhtml");
        var driver = browser.driver();
        for (String page : new String[] {"organizations", "users", "api-keys", "knowledge", "models"}) {
            driver.get(base + "/app/admin/" + page + ".xhtml");
            assertThat(driver.findElements(By.cssSelector(".ol-subnav a.active"))).as(page).hasSize(1);
            browser.screenshot("admin-" + page);
        }
        driver.get(base + "/app/admin/models.xhtml");
        assertThat(driver.findElement(By.id("models-form:model-health")).getText()).isEqualTo("READY");
        driver.get(base + "/app/review/queue.xhtml");
        browser.screenshot("review-queue");
        assertThat(browser.javaScriptErrors()).isEmpty();
    }

    /** A summary made through the REST API as the admin, with a tiny token budget; returns its id. */
    private static String generate(String organization) throws Exception {
        var reply = http.post("/api/v1/use-cases/generate_document_summary?max_tokens=64", ADMIN,
                SUMMARY_REQUEST.formatted(organization));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.raw().headers().firstValue("X-Generation-Id").orElseThrow();
    }

    private static void star(String ratingId, int stars) {
        WebElement rating = browser.driver().findElement(By.id(ratingId));
        rating.findElements(By.cssSelector(".ui-rating-star")).get(stars - 1).findElement(By.tagName("a")).click();
    }
}
