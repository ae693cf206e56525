package org.cstrat.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.cstrat.server.testing.InBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A strategist optimises a strategy's prices in the browser: the Optimise tab, a background job, the search and the surface. */
class OptimiseBrowserIT extends InBrowser {

    @Test
    void optimiseTwoPricesAndSeeTheSearchAndTheResponseSurface() {
        browser.get(base + "/firms/hertz/simulate");
        waitUpTo(30).until(d -> d.findElement(By.id("run")).isEnabled());
        set(browser.findElement(By.id("periods")), "6");
        // The first strategy bills by personalised pricing: base price, slope and fairness cap are numbers to search.
        new Select(browser.findElement(By.cssSelector("#strategies tbody tr [name=billing]"))).selectByValue("personalised_pricing");
        browser.findElement(By.id("tab-optimise")).click();
        assertThat(browser.findElement(By.id("optimise")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("simulation-form")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("tab-optimise")).getAttribute("aria-pressed")).isEqualTo("true");

        new Select(browser.findElement(By.id("opt-param-1"))).selectByValue("basePrice");
        new Select(browser.findElement(By.id("opt-param-2"))).selectByValue("slope");
        assertThat(browser.findElement(By.id("opt-low-1")).getAttribute("value")).isNotBlank();
        set(browser.findElement(By.id("opt-budget")), "10");
        set(browser.findElement(By.id("opt-replications")), "4");

        // Empty bounds first: refused, naming the field, nothing runs.
        String high = browser.findElement(By.id("opt-high-1")).getAttribute("value");
        set(browser.findElement(By.id("opt-high-1")), browser.findElement(By.id("opt-low-1")).getAttribute("value"));
        browser.findElement(By.id("opt-run")).click();
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("opt-errors"), "empty bounds"));
        assertThat(browser.findElement(By.id("opt-errors")).getText()).contains("$.optimisation.decisions[0]");

        set(browser.findElement(By.id("opt-high-1")), high);
        browser.findElement(By.id("opt-run")).click();
        waitUpTo(240).until(ExpectedConditions.presenceOfElementLocated(By.id("opt-surface")));
        assertThat(browser.findElement(By.id("opt-errors")).getText()).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#opt-search .opt-point")).size()).isBetween(2, 10);
        assertThat(browser.findElements(By.cssSelector("#opt-surface .opt-cell")).size()).isBetween(2, 10);
        assertThat(browser.findElements(By.id("opt-best"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#opt-table tbody tr")).size()).isGreaterThanOrEqualTo(2);
        assertThat(browser.findElement(By.id("opt-headline")).getText()).contains("strategy.billing.basePrice =", "P(best beats current)");
        assertThat(browser.findElement(By.id("opt-result")).getText()).contains("Stored as").doesNotContainPattern("\\b(null|NaN|undefined)\\b");

        browser.findElement(By.id("tab-simulate")).click();
        assertThat(browser.findElement(By.id("simulation-form")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("optimise")).isDisplayed()).isFalse();
    }
}
