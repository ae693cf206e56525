package org.cstrat.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.cstrat.server.customers.identity.UnifiedView;
import org.cstrat.server.customers.imports.ImportFile;
import org.cstrat.server.customers.imports.ImportProgress;
import org.cstrat.server.demo.SyntheticCustomerData;
import org.cstrat.server.customers.CustomerServices;
import org.cstrat.server.Workbench;
import org.cstrat.server.testing.InBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A consultant unmerges an over-merged customer on the customers page: Unmerge next to the shared family e-mail
 * splits the component, the link is listed as unmerged, and Relink puts it back. A firm of its own, imported
 * from the synthetic generator (400 people, of whom eight share the family address).
 */
class CustomersBrowserIT extends InBrowser {

    static final String FIRM = "it-browser-merge";

    private static CustomerServices services;

    @BeforeAll
    static void importCustomers(Workbench workbench) {
        services = workbench.services().customers();
        services.imports().importFiles(FIRM, SyntheticCustomerData.generate(FIRM, 400, SyntheticCustomerData.DEFAULT_SEED), ImportProgress.NONE);
    }

    /**
     * A strategist uploads an export through the import page: the script posts it as a background job, the progress
     * bar appears and ends full with the count of interactions, and the report with its link to the unified view is
     * shown in place; a bad file then ends with its file:line:column errors listed.
     */
    @Test
    void uploadShowsProgressThenTheReportOrTheErrors() throws IOException {
        String firm = "it-browser-upload";
        Path dir = Files.createTempDirectory("cstrat-upload");
        List<ImportFile> files = SyntheticCustomerData.generate(firm, 300, 11);
        SyntheticCustomerData.write(files, dir);
        long interactions = Files.readAllLines(dir.resolve("interactions.csv")).size() - 1;

        browser.get(base + "/firms/" + firm + "/customers/import");
        WebElement progress = browser.findElement(By.id("import-progress"));
        assertThat(progress.isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("#upload-form input[type=file]")).sendKeys(files.stream()
                .map(f -> dir.resolve(f.name()).toAbsolutePath().toString()).collect(Collectors.joining("\n")));
        browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
        waitUpTo(10).until(ExpectedConditions.visibilityOf(progress));
        WebElement report = waitUpTo(120).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-report")));

        assertThat(report.getText()).contains(interactions + " new and 0 updated interactions");
        assertThat(report.findElement(By.linkText("See the unified view")).getAttribute("href")).endsWith("/firms/" + firm + "/customers");
        assertThat(browser.findElement(By.id("import-progress-text")).getText().replaceAll("(\\d)[,.\\s](\\d)", "$1$2"))
                .as("digit groups ignored: the browser's locale sets them").contains("done", interactions + " of " + interactions + " interactions");
        WebElement bar = browser.findElement(By.cssSelector("#import-progress progress"));
        assertThat(bar.getAttribute("value")).isEqualTo(bar.getAttribute("max"));
        assertThat(browser.getCurrentUrl()).as("no page load: the script followed the job").endsWith("/customers/import");
        assertThat(services.identity().view(firm).interactions()).isEqualTo(interactions);
        screenshot("customers-import-done");

        Path bad = dir.resolve("bad").resolve("interactions.csv");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "interaction_id,system,record_id,touchpoint,at,stage,amount\ni1,crm,CR1,nowhere,yesterday,request,-3\n");
        browser.findElement(By.cssSelector("#upload-form input[type=file]")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
        waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-errors")));
        assertThat(browser.findElements(By.cssSelector("#import-errors .import-error")).stream().map(WebElement::getText).toList())
                .hasSize(4).anyMatch(e -> e.startsWith("interactions.csv:2:5: 'yesterday' is not a timestamp"));
        assertThat(browser.findElements(By.id("import-report"))).as("the earlier report is gone").isEmpty();
        screenshot("customers-import-rejected");
    }

    private static List<String> bridges() {
        return browser.findElements(By.cssSelector("#over-merged button[data-unmerge]")).stream()
                .map(b -> b.getAttribute("data-unmerge")).toList();
    }

    @Test
    void unmergeSplitsTheComponentAndRelinkUndoesIt() throws IOException {
        UnifiedView before = services.identity().view(FIRM);
        assertThat(before.overMerged()).as("the generator's family address over-merges").isNotEmpty();

        browser.get(base + "/firms/" + FIRM + "/customers");
        String family = bridges().stream().filter(id -> id.contains("/email/family")).findFirst().orElseThrow();
        WebElement section = browser.findElement(By.id("unified-view"));
        browser.findElement(By.cssSelector("#over-merged button[data-unmerge='" + family + "']")).click();
        waitUpTo(30).until(ExpectedConditions.stalenessOf(section));

        assertThat(bridges()).as("no customer is over-merged through the family address any more").doesNotContain(family);
        List<WebElement> unmerged = browser.findElements(By.cssSelector("#excluded tbody tr"));
        assertThat(unmerged).isNotEmpty().allMatch(row -> row.getAttribute("data-identifier").equals(family));
        UnifiedView after = services.identity().view(FIRM);
        assertThat(after.customers()).as("the component split into several customers").isGreaterThan(before.customers());
        assertThat(after.overMerged()).hasSizeLessThan(before.overMerged().size());
        screenshot("customers-unmerged");

        int links = unmerged.size();
        for (int i = 0; i < links; i++) {
            WebElement current = browser.findElement(By.id("unified-view"));
            browser.findElement(By.cssSelector("#excluded button[data-relink]")).click();
            waitUpTo(30).until(ExpectedConditions.stalenessOf(current));
        }
        assertThat(browser.findElements(By.id("excluded"))).as("nothing unmerged any more").isEmpty();
        assertThat(bridges()).contains(family);
        assertThat(services.identity().view(FIRM).customers()).isEqualTo(before.customers());
    }

    /** The demo's valued firm: the model line shows every fitted parameter, and no text shows null, NaN or undefined. */
    @Test
    void theCustomersPageShowsEveryFittedValue() {
        browser.get(base + "/firms/" + org.cstrat.server.demo.DemoCustomerData.FIRM + "/customers");
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("value-model")));
        assertThat(browser.findElement(By.id("value-model")).getText()).matches(
                "Fitted on \\d+ customers up to [0-9-]+: BG/NBD r=[0-9.]+, α=[0-9.]+, a=[0-9.]+, b=[0-9.]+; Gamma-Gamma p=[0-9.]+, q=[0-9.]+, v=[0-9.]+\\.");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContainPattern("\\b(null|NaN|undefined)\\b");
    }
}
