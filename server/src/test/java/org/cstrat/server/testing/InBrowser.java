package org.cstrat.server.testing;

import java.io.IOException;

import org.cstrat.server.Workbench;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests of the test JVM's workbench share: extend it. The workbench ({@link EmbeddedNeo4j}: the demo
 * markets, auth off on loopback) at {@link #base}, the one Chromium ({@link Browser}: a CSP violation fails a test) as
 * {@link #browser}, its window at {@link Browser#WINDOW} with no device emulation left by an earlier class. A subclass
 * that needs more (seed data, a phone's window) adds its own {@code @BeforeAll}, which runs after this one.
 */
@ExtendWith({EmbeddedNeo4j.class, Browser.class})
public abstract class InBrowser {

    /** The workbench's address without a trailing slash: {@code base + "/markets"}. */
    protected static String base;
    protected static ChromeDriver browser;

    @BeforeAll
    static void openTheWorkbenchInTheBrowser(Workbench workbench, ChromeDriver chrome) {
        base = workbench.httpUrl().toString().replaceAll("/$", "");
        browser = chrome;
        Browser.standardWindow(browser);
    }

    protected static WebDriverWait waitUpTo(int seconds) {
        return Browser.waitUpTo(browser, seconds);
    }

    protected static void screenshot(String name) throws IOException {
        Browser.screenshot(browser, name);
    }

    /** Replaces what {@code input} holds by {@code value}, as a user types it. */
    protected static void set(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }
}
