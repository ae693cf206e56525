package org.cstrat.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.cstrat.customers.imports.DemoCustomerData;
import org.cstrat.server.Workbench;
import org.cstrat.server.testing.Browser;
import org.cstrat.server.testing.EmbeddedNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A strategist runs a simulation in the browser: progress, then the pictures; a bad field is marked. */
@ExtendWith({EmbeddedNeo4j.class, Browser.class})
class SimulationBrowserIT {

    private static String base;
    private static ChromeDriver browser;

    @BeforeAll
    static void start(Workbench workbench, ChromeDriver chrome) {
        base = workbench.httpUrl().toString().replaceAll("/$", "");
        browser = chrome;
    }

    private static void set(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void runASimulationAndSeeEveryPicture() throws IOException {
        browser.get(base + "/firms/hertz");
        browser.findElement(By.id("simulate-link")).click();
        Browser.waitUpTo(browser, 10).until(ExpectedConditions.presenceOfElementLocated(By.id("simulation-form")));
        set(browser.findElement(By.id("replications")), "60");
        set(browser.findElement(By.id("periods")), "12");
        browser.findElement(By.id("run")).click();
        Browser.waitUpTo(browser, 240).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#heatmap svg")));
        for (String figure : new String[] {"npv-histogram", "fan-active", "fan-revenue", "frontier", "tornado", "heatmap"}) {
            assertThat(browser.findElements(By.cssSelector("#" + figure + " svg"))).as(figure).hasSize(1);
        }
        assertThat(browser.findElements(By.cssSelector("#summary tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("#summary thead")).getText()).contains("Mean NPV (USD)");
        assertThat(browser.findElement(By.cssSelector("#summary caption")).getText()).contains("money in USD");
        // every column of 4 cells unless the producer and retailer columns ran the same strategies and are drawn as one
        int cells = browser.findElements(By.cssSelector("#heatmap .heat-cell")).size();
        int notes = browser.findElements(By.cssSelector("#heatmap .heatmap-note")).size();
        assertThat(cells).isEqualTo(20 - 4 * (notes - 1));
        assertThat(browser.findElement(By.cssSelector("#heatmap .heatmap-note")).getText()).contains("own cell");
        assertThat(browser.findElements(By.cssSelector("#heatmap .heat-cell.own"))).hasSize(1);
        for (WebElement cell : browser.findElements(By.cssSelector("#heatmap .heat-cell"))) {
            assertThat(cell.getAttribute("data-billing")).isNotBlank();
            assertThat(cell.getAttribute("data-price")).matches("[0-9]+\\.[0-9]{2}");
            assertThat(cell.findElement(By.tagName("title")).getAttribute("textContent")).contains("billing: ", " per episode");
        }
        assertThat(browser.findElement(By.id("comparison")).getText()).contains("P(A beats B)");
        Browser.screenshot(browser, "simulation-hertz");
        WebElement stored = browser.findElement(By.cssSelector("#results .stored a"));
        String runPage = stored.getAttribute("href");
        browser.get(runPage);
        Browser.waitUpTo(browser, 30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tornado svg")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
    }

    @Test
    void theCalibratedScenarioSaysWhatIsMissingForAFirmWithoutFittedValues() {
        browser.get(base + "/firms/hertz");
        browser.findElement(By.id("calibrate-link")).click();
        Browser.waitUpTo(browser, 10).until(ExpectedConditions.presenceOfElementLocated(By.id("calibration-download"))).click();
        WebElement error = Browser.waitUpTo(browser, 20).until(d -> {
            WebElement box = d.findElement(By.id("calibration-error"));
            return box.getText().isBlank() ? null : box;
        });
        assertThat(error.getText()).contains("values are not fitted");
    }

    @Test
    void aCalibratedFirmStartsFromItsOwnStrategiesAndOthersFromExamples() throws IOException {
        browser.get(base + "/firms/" + DemoCustomerData.FIRM + "/simulate");
        WebElement source = browser.findElement(By.id("strategy-source"));
        Browser.waitUpTo(browser, 30).until(d -> source.getText().startsWith("This firm's current cell"));
        List<WebElement> names = browser.findElements(By.cssSelector("#strategies tbody [name=name]"));
        assertThat(names).hasSizeGreaterThan(1);
        assertThat(names.get(0).getAttribute("value")).startsWith("current: ");
        assertThat(names.subList(1, names.size())).allMatch(n -> n.getAttribute("value").startsWith("move: "));
        // the firm's own revenue models: Equinox's $220/month dues and $120 per training session, not the page's examples
        WebElement fee = browser.findElement(By.cssSelector("[data-path='$.strategies[0].billing.feePerPeriod']"));
        WebElement perUnit = browser.findElement(By.cssSelector("[data-path='$.strategies[0].billing.pricePerUnit']"));
        assertThat(Double.parseDouble(fee.getAttribute("value"))).isEqualTo(220.0);
        assertThat(Double.parseDouble(perUnit.getAttribute("value"))).isEqualTo(120.0);
        Browser.screenshot(browser, "simulation-equinox-strategies");

        browser.get(base + "/firms/hertz/simulate");
        WebElement example = browser.findElement(By.id("strategy-source"));
        Browser.waitUpTo(browser, 30).until(d -> example.getText().startsWith("Example strategies: "));
        assertThat(example.getText()).contains("not fitted");
        assertThat(browser.findElement(By.cssSelector("#strategies tbody [name=name]")).getAttribute("value")).isEqualTo("respond-flat");
    }

    @Test
    void aBadFieldIsMarkedAndNothingRuns() {
        browser.get(base + "/firms/hertz/simulate");
        WebElement price = browser.findElement(By.cssSelector("[data-path='$.strategies[0].billing.price']"));
        set(price, "-5");
        browser.findElement(By.id("run")).click();
        WebElement error = Browser.waitUpTo(browser, 20).until(d -> {
            WebElement slot = price.findElement(By.xpath("following-sibling::span[@class='field-error']"));
            return slot.getText().isBlank() ? null : slot;
        });
        assertThat(error.getText()).contains("-5");
        assertThat(price.getAttribute("class")).contains("invalid");
        assertThat(browser.findElement(By.id("progress")).isDisplayed()).isFalse();
    }
}
