package org.cstrat.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.cstrat.server.testing.Browser;
import org.cstrat.server.testing.InBrowser;
import org.cstrat.server.testing.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A strategist in a real browser (Debian's Chromium through its ChromeDriver): opens a market, clicks a
 * firm and reads its evidence, creates a firm through the form and sees it land in its cell, submits a
 * bad form and sees the field error. Saves screenshots to {@code target/screenshots/}. Runs whenever
 * {@code CI=true}; elsewhere it is skipped when {@code /usr/bin/chromedriver} is missing.
 */
class MatrixBrowserIT extends InBrowser {

    static WebElement cell(String experience, String architecture) {
        return browser.findElement(By.cssSelector("td.cell[data-experience='" + experience + "'][data-architecture='" + architecture + "']"));
    }

    @Test
    void openAMarketClickAFirmAndReadItsEvidence() throws IOException {
        browser.get(base + "/");
        browser.findElement(By.linkText("Connected health for chronic disease")).click();
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("matrix")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Connected health for chronic disease");
        screenshot("matrix-us-chronic-health");

        // White space: an empty cell opens its questions.
        WebElement empty = cell("coach_behavior", "market_maker");
        empty.findElement(By.tagName("summary")).click();
        assertThat(empty.findElement(By.tagName("ol")).getText()).contains("Which customers would want", "Who would pay?");

        // Proteus: declared automatic execution, the evidence says coach behavior.
        cell("automatic_execution", "connected_producer").findElement(By.cssSelector(".chip[data-firm='proteus']")).click();
        WebElement panel = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("panel-firm")));
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-name"), "Proteus"));
        assertThat(panel.findElement(By.className("conflict-note")).getText()).contains("Declared Automatic execution", "Coach behavior");
        assertThat(panel.findElement(By.cssSelector(".evidence")).getText()).contains("DECLARED_EXPERIENCE");

        // Livongo: two rows, each with the touchpoints and technologies behind it.
        cell("coach_behavior", "connected_producer").findElement(By.cssSelector(".chip[data-firm='livongo']")).click();
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-name"), "Livongo"));
        String evidence = browser.findElement(By.id("panel-placements")).getText();
        assertThat(evidence).contains("Coach behavior × Connected producer", "Automatic execution × Connected producer",
                "Connected blood-glucose meter", "standing authorisation", "SUPPLIED_BY");
        screenshot("matrix-side-panel");

        // The firm page: click a cell, see its evidence; the ecosystem is drawn.
        browser.findElement(By.id("panel-link")).click();
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("mini-matrix")));
        WebElement autoCell = browser.findElement(By.cssSelector(".mini-cell[data-cell='automatic_execution/connected_producer']"));
        WebElement autoEvidence = browser.findElement(By.cssSelector(".evidence-panel[data-cell='automatic_execution/connected_producer']"));
        assertThat(autoEvidence.isDisplayed()).isFalse();
        autoCell.click();
        assertThat(autoEvidence.isDisplayed()).isTrue();
        assertThat(autoEvidence.getText()).contains("Strips shipped before they run out", "Automatic supply fulfilment");
        assertThat(browser.findElements(By.cssSelector("#ecosystem svg .actor"))).hasSizeGreaterThan(2);
        assertThat(browser.findElement(By.id("moves")).getText()).contains("Crowd orchestrator");
        screenshot("firm-livongo");
    }

    @Test
    void createAFirmThroughTheFormAndSeeItLandInItsCell() throws IOException {
        String market = "it-browser-create";
        assertThat(new Http(URI.create(base + "/")).json("POST", "/api/markets", Map.of("id", market, "name", "Browser market")).statusCode()).isEqualTo(201);
        browser.get(base + "/markets/" + market);
        browser.findElement(By.id("add-firm")).click();
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("edit-form")));
        browser.findElement(By.id("f-name")).sendKeys("Nudge <i>Health</i>");
        browser.findElement(By.id("f-parentName")).sendKeys("Browser Holdings");
        new Select(browser.findElement(By.id("f-type"))).selectByValue("new_entrant");
        new Select(browser.findElement(By.id("f-experience"))).selectByValue("coach_behavior");
        new Select(browser.findElement(By.id("f-architecture"))).selectByValue("crowd_orchestrator");
        browser.findElement(By.cssSelector("#edit-form button[type=submit]")).click();

        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("matrix")));
        WebElement chip = cell("coach_behavior", "crowd_orchestrator").findElement(By.cssSelector(".chip[data-firm='nudge-i-health-i']"));
        assertThat(chip.getText()).contains("Nudge <i>Health</i>");
        assertThat(cell("coach_behavior", "crowd_orchestrator").getAttribute("data-count")).isEqualTo("1");
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-name"), "Nudge <i>Health</i>"));
        assertThat(browser.findElement(By.id("panel-placements")).getText()).contains("declared");
        screenshot("matrix-after-create");
    }

    @Test
    void theContentSecurityPolicyHoldsAndItsViolationsAreSeen() {
        browser.get(base + "/markets/us-mobility");
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector(".chip[data-firm]")).isEmpty());
        // parent colours come from classes now (no inline style): a chip's background is one of the palette's
        String background = browser.findElement(By.cssSelector(".chip[data-firm]")).getCssValue("background-color");
        assertThat(background).isNotIn("rgba(0, 0, 0, 0)", "rgb(221, 232, 246)");
        assertThat(Browser.cspViolations(browser)).isEmpty();
        // the check that fails every browser test on a violation does see one: an inline script is refused
        browser.executeScript("var s = document.createElement('script'); s.textContent = 'window.inlineRan = true;'; document.body.appendChild(s);");
        assertThat(browser.executeScript("return window.inlineRan === true;")).isEqualTo(false);
        assertThat(Browser.cspViolations(browser)).anySatisfy(m -> assertThat(m).contains("script-src 'self'"));
    }

    @Test
    void aBadFormShowsTheErrorNextToTheField() throws IOException {
        browser.get(base + "/markets/us-connected-fitness/firms/new");
        browser.findElement(By.id("f-id")).sendKeys("peloton");
        browser.findElement(By.cssSelector("#edit-form button[type=submit]")).click();
        // wait for the answer page's error, not the form's own field (present before the submit, stale after it)
        WebElement nameField = waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field.has-error[data-field='name']")));
        assertThat(nameField.findElement(By.className("field-error")).getText()).isEqualTo("must not be empty");
        assertThat(browser.findElement(By.className("form-errors")).getText()).contains("Nothing was saved");

        browser.findElement(By.id("f-name")).sendKeys("Peloton again");
        browser.findElement(By.cssSelector("#edit-form button[type=submit]")).click();
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".field[data-field='id'] .field-error"), "already exists"));
        screenshot("form-error");
        browser.get(base + "/markets/us-connected-fitness");
        assertThat(browser.findElements(By.cssSelector(".chip[data-firm='peloton']"))).hasSize(1);
    }
}
