package org.orgllm.interfaces.web;

import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.orgllm.it.Browser;

/** Steps the portal's browser tests share: signing in as one of the demo users. */
final class PortalPages {

    private PortalPages() {
    }

    /** Signs out whoever is signed in and signs in as {@code user}, landing on {@code path}. */
    static void signIn(Browser browser, String base, String user, String password, String path) {
        var driver = browser.driver();
        driver.manage().deleteAllCookies();
        driver.get(base + "/login.xhtml?next=" + path);
        driver.findElement(By.id("login-form:username")).sendKeys(user);
        driver.findElement(By.id("login-form:password")).sendKeys(password);
        driver.findElement(By.id("login-form:submit")).click();
        wait(browser, 30).until(onPage(path));
    }

    /**
     * Whether the browser shows {@code path} itself. Not {@code urlContains}: the login page's own URL
     * names the target in its {@code next=} parameter, so that condition held before the redirect and
     * a test looked for the target's elements on the login page.
     */
    static ExpectedCondition<Boolean> onPage(String path) {
        String wanted = path.replaceAll("\\?.*", "");
        return d -> URI.create(d.getCurrentUrl()).getPath().endsWith(wanted);
    }

    static WebDriverWait wait(Browser browser, int seconds) {
        // ajax updates replace elements while a wait polls them
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
