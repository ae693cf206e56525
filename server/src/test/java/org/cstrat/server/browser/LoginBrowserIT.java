package org.cstrat.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.cstrat.server.Workbench;
import org.cstrat.server.auth.AuthStore;
import org.cstrat.server.auth.Authenticator;
import org.cstrat.server.auth.PasswordHasher;
import org.cstrat.server.auth.Role;
import org.cstrat.server.auth.User;
import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.testing.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Signing in through the login page of a workbench with auth on, in a real browser: a wrong password gets the one
 * message, a viewer lands where they were going and sees no edit buttons on the matrix and the firm page, a strategist
 * does, and signing out ends the session.
 */
@ExtendWith(Browser.class)
class LoginBrowserIT {

    private static final String PASSWORD = "browser test password";
    private static final String MARKET = "it-login-market";
    private static final String FIRM = "it-login-firm";

    @TempDir
    static Path data;
    private static Workbench workbench;
    private static String base;
    private static ChromeDriver browser;

    @BeforeAll
    static void start(ChromeDriver chrome) throws Exception {
        browser = chrome;
        AuthStore store = new AuthStore(data);
        PasswordHasher cheap = new PasswordHasher(64, 1, 1);
        store.add(new User("vera", Role.VIEWER, cheap.hash(PASSWORD.toCharArray()), Clock.systemUTC().instant()));
        store.add(new User("stan", Role.STRATEGIST, cheap.hash(PASSWORD.toCharArray()), Clock.systemUTC().instant()));
        String token = Authenticator.createToken(store, "stan", "setup", Clock.systemUTC()).secret();
        workbench = Workbench.start(new WorkbenchConfig(data, "127.0.0.1", 0, 0, Optional.empty(), Optional.empty(), false,
                List.of(), WorkbenchConfig.Auth.ON, Optional.empty(), WorkbenchConfig.DEFAULT_MAX_SIMULATION_WORK));
        base = workbench.httpUrl().toString().replaceAll("/$", "");
        post(token, "/api/markets", "{\"id\": \"" + MARKET + "\", \"name\": \"Login market\", \"region\": \"Nowhere\", \"asOf\": 2024}");
        post(token, "/api/markets/" + MARKET + "/firms", "{\"id\": \"" + FIRM + "\", \"name\": \"Login firm\", \"experience\": \"coach_behavior\","
                + " \"architecture\": \"market_maker\"}");
        post(token, "/api/firms/" + FIRM + "/offerings", "{\"id\": \"it-login-offering\", \"name\": \"Coaching\"}");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.manage().deleteAllCookies();
        }
        if (workbench != null) {
            workbench.close();
        }
    }

    private static void post(String token, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(201);
    }

    private static void signIn(String name, String password) {
        browser.findElement(By.id("name")).clear();
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    @Test
    void aViewerSignsInAndSeesNoEditButtonsAStrategistDoes() throws IOException {
        browser.manage().deleteAllCookies();
        browser.get(base + "/markets/" + MARKET);
        Browser.waitUpTo(browser, 10).until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
        assertThat(browser.getCurrentUrl()).contains("/login?next=");
        assertThat(browser.findElements(By.id("logout"))).isEmpty();

        signIn("vera", "not her password");
        assertThat(Browser.waitUpTo(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error"))).getText())
                .isEqualTo("Unknown user name or wrong password.");
        Browser.screenshot(browser, "login-refused");

        browser.findElement(By.id("password")).clear();
        signIn("vera", PASSWORD);
        Browser.waitUpTo(browser, 10).until(ExpectedConditions.presenceOfElementLocated(By.id("matrix")));
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/markets/" + MARKET);
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("vera (viewer)");
        assertThat(browser.findElements(By.id("add-firm"))).isEmpty();
        assertThat(browser.findElements(By.id("edit-market"))).isEmpty();
        assertThat(browser.findElements(By.linkText("New market"))).isEmpty();
        assertThat(browser.findElements(By.linkText("Cypher console"))).isEmpty();
        // the side panel opens without an Edit button
        browser.findElement(By.cssSelector(".chip[data-firm='" + FIRM + "']")).click();
        Browser.waitUpTo(browser, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-name"), "Login firm"));
        assertThat(browser.findElements(By.id("panel-edit"))).isEmpty();
        Browser.screenshot(browser, "login-viewer-matrix");

        browser.get(base + "/firms/" + FIRM);
        Browser.waitUpTo(browser, 10).until(ExpectedConditions.presenceOfElementLocated(By.id("firm-name")));
        assertThat(browser.findElements(By.id("edit-firm"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("a.edit-part, a.add-part"))).isEmpty();
        assertThat(browser.findElements(By.id("customers-link"))).isEmpty();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Coaching");
        Browser.screenshot(browser, "login-viewer-firm");

        browser.findElement(By.id("logout")).click();
        Browser.waitUpTo(browser, 10).until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
        browser.get(base + "/firms/" + FIRM);
        Browser.waitUpTo(browser, 10).until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));

        signIn("stan", PASSWORD);
        Browser.waitUpTo(browser, 10).until(ExpectedConditions.presenceOfElementLocated(By.id("firm-name")));
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("stan (strategist)");
        assertThat(browser.findElements(By.id("edit-firm"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("a.edit-part"))).isNotEmpty();
        browser.findElement(By.id("edit-firm")).click();
        Browser.waitUpTo(browser, 10).until(ExpectedConditions.presenceOfElementLocated(By.id("edit-form")));
        browser.findElement(By.id("logout")).click();
        Browser.waitUpTo(browser, 10).until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
    }
}
