package org.cstrat.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.cstrat.customers.identity.UnifiedView;
import org.cstrat.customers.imports.ImportProgress;
import org.cstrat.customers.imports.SyntheticCustomerData;
import org.cstrat.customers.web.CustomerServices;
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

/**
 * A consultant unmerges an over-merged customer on the customers page: Unmerge next to the shared family e-mail
 * splits the component, the link is listed as unmerged, and Relink puts it back. A firm of its own, imported
 * from the synthetic generator (400 people, of whom eight share the family address).
 */
@ExtendWith({EmbeddedNeo4j.class, Browser.class})
class CustomersBrowserIT {

    static final String FIRM = "it-browser-merge";

    private static String base;
    private static ChromeDriver browser;
    private static CustomerServices services;

    @BeforeAll
    static void start(Workbench workbench, ChromeDriver chrome) {
        base = workbench.httpUrl().toString().replaceAll("/$", "");
        browser = chrome;
        services = CustomerServices.over(workbench.graph().driver());
        services.imports().importFiles(FIRM, SyntheticCustomerData.generate(FIRM, 400, SyntheticCustomerData.DEFAULT_SEED), ImportProgress.NONE);
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
        Browser.waitUpTo(browser, 30).until(ExpectedConditions.stalenessOf(section));

        assertThat(bridges()).as("no customer is over-merged through the family address any more").doesNotContain(family);
        List<WebElement> unmerged = browser.findElements(By.cssSelector("#excluded tbody tr"));
        assertThat(unmerged).isNotEmpty().allMatch(row -> row.getAttribute("data-identifier").equals(family));
        UnifiedView after = services.identity().view(FIRM);
        assertThat(after.customers()).as("the component split into several customers").isGreaterThan(before.customers());
        assertThat(after.overMerged()).hasSizeLessThan(before.overMerged().size());
        Browser.screenshot(browser, "customers-unmerged");

        int links = unmerged.size();
        for (int i = 0; i < links; i++) {
            WebElement current = browser.findElement(By.id("unified-view"));
            browser.findElement(By.cssSelector("#excluded button[data-relink]")).click();
            Browser.waitUpTo(browser, 30).until(ExpectedConditions.stalenessOf(current));
        }
        assertThat(browser.findElements(By.id("excluded"))).as("nothing unmerged any more").isEmpty();
        assertThat(bridges()).contains(family);
        assertThat(services.identity().view(FIRM).customers()).isEqualTo(before.customers());
    }
}
