package org.cstrat.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.cstrat.server.testing.InBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Opening a white-space cell shows its questions without stretching its row (they open over the neighbours). */
class WhiteSpaceBrowserIT extends InBrowser {

    @Test
    void openingAWhiteSpaceCellKeepsItsRowHeight() throws IOException {
        browser.get(base + "/markets/us-chronic-health");
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("matrix")));
        for (String architecture : new String[] {"market_maker", "peer_to_peer"}) {
            WebElement cell = browser.findElement(By.cssSelector("td.cell.empty[data-experience='coach_behavior'][data-architecture='" + architecture + "']"));
            WebElement row = browser.findElement(By.cssSelector("tbody tr[data-experience='coach_behavior']"));
            int before = row.getRect().getHeight();
            cell.findElement(By.tagName("summary")).click();
            WebElement questions = cell.findElement(By.tagName("ol"));
            assertThat(questions.isDisplayed()).isTrue();
            assertThat(row.getRect().getHeight()).as("row height after opening %s", architecture).isLessThanOrEqualTo(before + 1);
            Rectangle box = questions.getRect();
            long viewport = (Long) browser.executeScript("return document.documentElement.clientWidth;");
            assertThat(box.getX()).isGreaterThanOrEqualTo(0);
            assertThat(box.getX() + box.getWidth()).as("questions inside the window").isLessThanOrEqualTo((int) viewport);
            assertThat(box.getWidth()).as("questions wide enough to read").isGreaterThanOrEqualTo(200);
            screenshot("white-space-open-" + architecture);
            cell.findElement(By.tagName("summary")).click();
        }
    }
}
