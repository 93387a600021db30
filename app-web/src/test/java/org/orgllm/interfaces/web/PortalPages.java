package org.orgllm.interfaces.web;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
        wait(browser, 30).until(ExpectedConditions.urlContains(path.replaceAll("\\?.*", "")));
    }

    static WebDriverWait wait(Browser browser, int seconds) {
        // ajax updates replace elements while a wait polls them
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
