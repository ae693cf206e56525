package org.cstrat.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.cstrat.server.demo.DemoCustomerData;
import org.cstrat.server.testing.InBrowser;
import org.cstrat.server.testing.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A strategist runs a simulation in the browser: progress, then the pictures; a bad field is marked. */
class SimulationBrowserIT extends InBrowser {

    /** Waits until the page knows which strategies it runs: Run enabled, the loading status gone. */
    private static void waitForStrategies() {
        waitUpTo(30).until(d -> d.findElement(By.id("run")).isEnabled());
        assertThat(browser.findElement(By.id("run-status")).getText()).isEmpty();
    }

    /** No visible text of the page shows a missing value (the page's text is filled by its script). */
    private static void noMissingValues() {
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).as(browser.getCurrentUrl()).doesNotContainPattern("\\b(null|NaN|undefined)\\b");
    }

    @Test
    void runASimulationAndSeeEveryPicture() throws IOException {
        browser.get(base + "/firms/hertz");
        browser.findElement(By.id("simulate-link")).click();
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("simulation-form")));
        waitForStrategies();
        set(browser.findElement(By.id("replications")), "60");
        set(browser.findElement(By.id("periods")), "12");
        browser.findElement(By.id("run")).click();
        waitUpTo(240).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#heatmap svg")));
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
        noMissingValues();
        screenshot("simulation-hertz");
        WebElement stored = browser.findElement(By.cssSelector("#results .stored a"));
        String runPage = stored.getAttribute("href");
        browser.get(runPage);
        waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tornado svg")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        noMissingValues();
    }

    @Test
    void theCalibratedScenarioSaysWhatIsMissingForAFirmWithoutFittedValues() {
        browser.get(base + "/firms/hertz");
        browser.findElement(By.id("calibrate-link")).click();
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("calibration-download"))).click();
        WebElement error = waitUpTo(20).until(d -> {
            WebElement box = d.findElement(By.id("calibration-error"));
            return box.getText().isBlank() ? null : box;
        });
        assertThat(error.getText()).contains("values are not fitted");
    }

    @Test
    void aCalibratedFirmStartsFromItsOwnStrategiesAndOthersFromExamples() throws IOException {
        browser.get(base + "/firms/" + DemoCustomerData.FIRM + "/simulate");
        WebElement source = browser.findElement(By.id("strategy-source"));
        waitUpTo(30).until(d -> source.getText().startsWith("This firm's current cell"));
        List<WebElement> names = browser.findElements(By.cssSelector("#strategies tbody [name=name]"));
        assertThat(names).hasSizeGreaterThan(1);
        assertThat(names.get(0).getAttribute("value")).startsWith("current: ");
        assertThat(names.subList(1, names.size())).allMatch(n -> n.getAttribute("value").startsWith("move: "));
        // the firm's own revenue models: Equinox's $220/month dues and $120 per training session, not the page's examples
        WebElement fee = browser.findElement(By.cssSelector("[data-path='$.strategies[0].billing.feePerPeriod']"));
        WebElement perUnit = browser.findElement(By.cssSelector("[data-path='$.strategies[0].billing.pricePerUnit']"));
        assertThat(Double.parseDouble(fee.getAttribute("value"))).isEqualTo(220.0);
        assertThat(Double.parseDouble(perUnit.getAttribute("value"))).isEqualTo(120.0);
        noMissingValues();
        screenshot("simulation-equinox-strategies");

        browser.get(base + "/firms/hertz/simulate");
        WebElement example = browser.findElement(By.id("strategy-source"));
        waitUpTo(30).until(d -> example.getText().startsWith("Example strategies: "));
        assertThat(example.getText()).contains("not fitted");
        assertThat(browser.findElement(By.cssSelector("#strategies tbody [name=name]")).getAttribute("value")).isEqualTo("respond-flat");
    }

    @Test
    void aBadFieldIsMarkedAndNothingRuns() {
        browser.get(base + "/firms/hertz/simulate");
        waitForStrategies();
        WebElement price = browser.findElement(By.cssSelector("[data-path='$.strategies[0].billing.price']"));
        set(price, "-5");
        browser.findElement(By.id("run")).click();
        WebElement error = waitUpTo(20).until(d -> {
            WebElement slot = price.findElement(By.xpath("following-sibling::span[@class='field-error']"));
            return slot.getText().isBlank() ? null : slot;
        });
        assertThat(error.getText()).contains("-5");
        assertThat(price.getAttribute("class")).contains("invalid");
        assertThat(browser.findElement(By.id("progress")).isDisplayed()).isFalse();
    }

    /**
     * On a slow network the calibration arrives late: until then Run is disabled with a visible "loading" status and
     * pressing Enter runs nothing; then the firm's own strategies are there and Run is enabled.
     */
    @Test
    void runIsDisabledUntilThePageKnowsItsStrategies() {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 1500,
                "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            browser.get(base + "/firms/" + DemoCustomerData.FIRM + "/simulate");
            WebElement run = browser.findElement(By.id("run"));
            assertThat(run.isEnabled()).as("Run before the calibration arrived").isFalse();
            assertThat(browser.findElement(By.id("run-status")).getText()).containsIgnoringCase("loading this firm's strategies");
            browser.findElement(By.id("seed")).sendKeys(Keys.ENTER); // implicit submission: nothing may start
            assertThat(browser.findElement(By.id("progress")).isDisplayed()).isFalse();
        } finally {
            browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
        }
        waitForStrategies();
        assertThat(browser.findElement(By.cssSelector("#strategies tbody [name=name]")).getAttribute("value")).startsWith("current: ");
        assertThat(browser.findElement(By.id("progress")).isDisplayed()).as("nothing ran while loading").isFalse();
    }

    /** A firm without customer data: the page says where its runs' parameters come from, not "this firm's customer data". */
    @Test
    void aFirmWithoutCustomerDataIsNotSaidToBeCalibratedFromIt() {
        String market = "it-browser-sim-market";
        Http http = new Http(URI.create(base + "/"));
        assertThat(http.json("POST", "/api/markets", Map.of("id", market, "name", "Simulation market")).statusCode()).isEqualTo(201);
        assertThat(http.json("POST", "/api/markets/" + market + "/firms", Map.of("id", "it-no-customers", "name", "No Customers Inc",
                "parentName", "No Customers Group", "type", "new_entrant")).statusCode()).isEqualTo(201);

        browser.get(base + "/firms/it-no-customers/simulate");
        waitForStrategies();
        String source = browser.findElement(By.id("parameter-source")).getText();
        assertThat(source).contains("no customer data", "engine's documented defaults", "technologies")
                .doesNotContain("take their parameters from this firm's customer data");
        assertThat(browser.findElement(By.id("calibration")).getText()).doesNotContain("from this firm's customer data");
        assertThat(browser.findElement(By.id("parameter-source")).findElement(By.linkText("Import its customers")).getAttribute("href"))
                .endsWith("/firms/it-no-customers/customers/import");
        noMissingValues();

        browser.get(base + "/firms/" + DemoCustomerData.FIRM + "/simulate");
        assertThat(browser.findElement(By.id("parameter-source")).getText()).isEqualTo("The runs on this page take their parameters from this firm's customer data.");
    }

    /** After a run, "Past runs" lists it at the top without a reload (the page object survives: no navigation). */
    @Test
    void pastRunsGrowAfterARunWithoutAReload() {
        browser.get(base + "/firms/zipcar/simulate");
        waitForStrategies();
        int before = browser.findElements(By.cssSelector("#past-runs tbody tr")).size();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.body.dataset.sameDocument = 'yes';");
        set(browser.findElement(By.id("replications")), "20");
        set(browser.findElement(By.id("periods")), "6");
        browser.findElement(By.id("tornado")).click();
        browser.findElement(By.id("heatmap")).click();
        browser.findElement(By.id("run")).click();
        waitUpTo(240).until(d -> d.findElements(By.cssSelector("#past-runs tbody tr")).size() == before + 1);
        WebElement table = browser.findElement(By.id("past-runs"));
        assertThat(table.isDisplayed()).isTrue();
        assertThat(browser.findElements(By.id("no-runs")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        String stored = browser.findElement(By.cssSelector("#results .stored a")).getAttribute("href");
        assertThat(table.findElement(By.cssSelector("tbody tr a")).getAttribute("href")).as("newest first").isEqualTo(stored);
        assertThat(table.findElement(By.cssSelector("tbody tr")).getText()).contains(" 20 ", "2019");
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-same-document")).as("no reload").isEqualTo("yes");
        noMissingValues();
    }
}
