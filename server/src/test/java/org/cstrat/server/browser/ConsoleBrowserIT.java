package org.cstrat.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.cstrat.server.Workbench;
import org.cstrat.server.testing.InBrowser;
import org.cstrat.server.testing.Seeds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** An analyst in a real browser: every library query runs in the console and shows rows; a write is refused. */
class ConsoleBrowserIT extends InBrowser {

    private static Driver driver;

    @BeforeAll
    static void seedARun(Workbench workbench) {
        driver = workbench.graph().driver();
        Seeds.simulationRun(driver); // simulation_runs_by_npv needs a stored run
    }

    private static void runAndWait() {
        String before = browser.findElement(By.id("status")).getText();
        browser.findElement(By.id("run-query")).click();
        waitUpTo(30).until(d -> {
            String status = d.findElement(By.id("status")).getText();
            return (status.contains("row(s)") && !status.equals(before)) || !d.findElement(By.id("console-error")).getText().isBlank();
        });
    }

    @Test
    void everyLibraryQueryRunsInTheBrowserAndShowsRows() throws IOException {
        browser.get(base + "/console");
        Select picker = new Select(waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("library"))));
        List<String> ids = picker.getOptions().stream().map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(15);
        waitUpTo(10).until(d -> !((String) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.getElementById('library').options.length > 1 ? 'ready' : ''")).isEmpty());
        for (String id : ids) {
            picker.selectByValue(id);
            waitUpTo(10).until(d -> !d.findElement(By.id("query")).getAttribute("value").isBlank()
                    && !d.findElement(By.id("library-answers")).getText().isBlank());
            runAndWait();
            assertThat(browser.findElement(By.id("console-error")).getText()).as(id).isBlank();
            List<WebElement> rows = browser.findElements(By.cssSelector("#console-table tbody tr"));
            assertThat(rows).as("rows of %s", id).isNotEmpty();
        }
        picker.selectByValue("firms_per_cell");
        runAndWait();
        screenshot("console-firms-per-cell");
    }

    @Test
    void theGraphIsDrawnAndAWriteIsRefused() throws IOException {
        browser.get(base + "/console");
        WebElement query = browser.findElement(By.id("query"));
        query.clear();
        query.sendKeys("MATCH (f:Firm {id: 'uber'})-[r]->(x) RETURN f, r, x LIMIT 20");
        runAndWait();
        assertThat(browser.findElements(By.cssSelector("#console-graph svg g.node"))).hasSizeGreaterThan(2);
        screenshot("console-graph");

        query.clear();
        query.sendKeys("MATCH (f:Firm {id: 'uber'}) SET f.name = 'Hacked' RETURN f");
        browser.findElement(By.id("run-query")).click();
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("console-error"), "read-only"));
        assertThat(browser.findElement(By.id("console-error")).getText()).contains("403");
        assertThat(driver.executableQuery("MATCH (f:Firm {id: 'uber'}) RETURN f.name AS n").execute().records().get(0).get("n").asString())
                .isEqualTo("Uber");
    }

    /** The script every page script shares (web/static/js/workbench.js): text stays text; a gone job rejects with its reason. */
    @Test
    void theSharedPageScriptKeepsTextAsTextAndReportsAGoneJob() {
        browser.get(base + "/console");
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("library")));
        Object html = browser.executeScript("return Workbench.h('p', {title: 't'}, '<b>bold</b>').outerHTML"
                + " + Workbench.s('text', {x: 1}, 'a < b').namespaceURI");
        assertThat(html).isEqualTo("<p title=\"t\">&lt;b&gt;bold&lt;/b&gt;</p>http://www.w3.org/2000/svg");
        Object gone = browser.executeAsyncScript("const done = arguments[arguments.length - 1], seen = [];"
                + " Workbench.follow('/api/simulation-jobs/no-such-job', s => seen.push(s))"
                + "   .then(s => done('resolved ' + s.state), e => done('rejected ' + seen.length + ' ' + e.message));");
        assertThat((String) gone).startsWith("rejected 0 ").contains("no-such-job");
    }
}
