package org.cstrat.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.cstrat.server.testing.Browser;
import org.cstrat.server.testing.InBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A strategist on a phone (390×844 CSS pixels, the size of a current iPhone): every demo market's matrix reads as a
 * list per experience, with nothing overlapping, no chip wider than its cell, no text running out of its box and no
 * sideways scrolling; the other pages (home, firm page, forms, simulation, customers, console) fit the width too.
 * Screenshots go to {@code target/screenshots/phone-*.png}.
 */
class PhoneBrowserIT extends InBrowser {

    static final int WIDTH = 390;
    static final int HEIGHT = 844;

    @BeforeAll
    static void phoneWindow() {
        browser.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        // The window's outer size may keep a minimum on some platforms; the viewport is what a page sees, so set it exactly.
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", true));
    }

    @AfterAll
    static void restore() {
        Browser.standardWindow(browser);
    }

    /** Rectangles, in page coordinates, and overflow of the elements a selector finds (the visible ones only). */
    static final String NO_HORIZONTAL_OVERFLOW = """
            var doc = document.documentElement;
            var width = arguments[0];
            var problems = [];
            if (window.innerWidth !== width) { problems.push('the viewport is ' + window.innerWidth + ' px wide, not ' + width); }
            if (doc.scrollWidth > width || document.body.scrollWidth > width) {
              problems.push('page is ' + Math.max(doc.scrollWidth, document.body.scrollWidth) + ' px wide in a ' + width + ' px viewport');
              document.querySelectorAll('body *').forEach(function (e) {
                var r = e.getBoundingClientRect();
                if (r.width > 0 && r.right > width + 0.5) {
                  var inner = Array.prototype.some.call(e.children, function (c) { return c.getBoundingClientRect().right > width + 0.5; });
                  if (!inner) { problems.push('  sticks out: ' + e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className.split(' ').join('.') : '') + ' right=' + Math.round(r.right)); }
                }
              });
            }
            return problems;
            """;

    static final String MATRIX_PROBLEMS = """
            var problems = [];
            function visible(e) { var r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }
            function name(e) {
              return e.tagName.toLowerCase() + (e.getAttribute('data-firm') ? '[' + e.getAttribute('data-firm') + ']' : '')
                + (e.getAttribute('data-experience') ? '[' + e.getAttribute('data-experience') + ']' : '')
                + (e.getAttribute('data-architecture') ? '[' + e.getAttribute('data-architecture') + ']' : '')
                + ' "' + e.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
            }
            function inside(inner, outer) {
              var a = inner.getBoundingClientRect(), b = outer.getBoundingClientRect();
              return a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
            }
            function overlap(x, y) {
              var a = x.getBoundingClientRect(), b = y.getBoundingClientRect();
              return Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
            }
            function overflows(e) { return e.scrollWidth > e.clientWidth + 0; }
            var table = document.getElementById('matrix');
            if (table.getBoundingClientRect().right > arguments[0] + 0.5) { problems.push('the matrix is wider than the viewport'); }
            // headers: column headers among themselves, row headers against their row's cells
            var heads = Array.prototype.filter.call(table.querySelectorAll('thead th'), visible);
            heads.forEach(function (h, i) {
              if (overflows(h)) { problems.push('text overflows ' + name(h)); }
              heads.slice(i + 1).forEach(function (k) { if (overlap(h, k)) { problems.push(name(h) + ' overlaps ' + name(k)); } });
            });
            table.querySelectorAll('tbody tr').forEach(function (tr) {
              var boxes = Array.prototype.filter.call(tr.children, visible);
              boxes.forEach(function (b, i) {
                if (overflows(b)) { problems.push('text overflows ' + name(b)); }
                boxes.slice(i + 1).forEach(function (c) { if (overlap(b, c)) { problems.push(name(b) + ' overlaps ' + name(c)); } });
              });
            });
            // chips: inside their list item and their cell, no text running out, never on top of one another
            table.querySelectorAll('td.cell').forEach(function (td) {
              var chips = Array.prototype.filter.call(td.querySelectorAll('.chip'), visible);
              chips.forEach(function (chip, i) {
                if (!inside(chip, chip.parentElement)) { problems.push(name(chip) + ' is wider than its list item'); }
                if (!inside(chip, td)) { problems.push(name(chip) + ' sticks out of ' + name(td)); }
                if (overflows(chip)) { problems.push('text overflows ' + name(chip)); }
                chips.slice(i + 1).forEach(function (c) { if (overlap(chip, c)) { problems.push(name(chip) + ' overlaps ' + name(c)); } });
              });
              var count = td.querySelector('.cell-count');
              chips.forEach(function (chip) { if (visible(count) && overlap(count, chip)) { problems.push('the count overlaps ' + name(chip)); } });
              var label = td.querySelector('.cell-architecture');
              if (!label || !visible(label)) { problems.push(name(td) + ' does not name its architecture'); }
              else {
                if (overlap(label, count)) { problems.push('the count overlaps the label of ' + name(td)); }
                chips.forEach(function (chip) { if (overlap(label, chip)) { problems.push('the label of ' + name(td) + ' overlaps ' + name(chip)); } });
              }
            });
            return problems;
            """;

    @SuppressWarnings("unchecked")
    static List<String> run(String script) {
        return (List<String>) browser.executeScript(script, WIDTH);
    }

    @Test
    void everyDemoMatrixIsAListWithNothingOverlappingAtPhoneWidth() throws IOException {
        browser.get(base + "/");
        assertThat(((Number) browser.executeScript("return window.innerWidth;")).intValue()).isEqualTo(WIDTH);
        List<String> markets = browser.findElements(By.cssSelector("a.market-link")).stream().map(a -> a.getAttribute("href")).toList();
        assertThat(markets).hasSizeGreaterThanOrEqualTo(3);
        for (String market : markets) {
            browser.get(market);
            waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("matrix")));
            String id = market.substring(market.lastIndexOf('/') + 1);
            assertThat(run(MATRIX_PROBLEMS)).as("matrix of %s", id).isEmpty();
            assertThat(run(NO_HORIZONTAL_OVERFLOW)).as("page of %s", id).isEmpty();
            screenshot("phone-matrix-" + id);
            browser.executeScript("document.querySelector('#matrix tbody tr').scrollIntoView();");
            screenshot("phone-matrix-rows-" + id);
        }

        // The same checks with element rectangles from WebDriver, on one cell: the chips sit inside it, one under another when needed.
        browser.get(base + "/markets/us-chronic-health");
        WebElement cell = browser.findElement(By.cssSelector("td.cell[data-experience='coach_behavior'][data-architecture='connected_producer']"));
        Rectangle cellBox = cell.getRect();
        assertThat(cellBox.getWidth()).as("a cell takes the width of the phone").isGreaterThan(WIDTH / 2);
        for (WebElement chip : cell.findElements(By.cssSelector(".chip"))) {
            Rectangle r = chip.getRect();
            assertThat(r.getX()).isGreaterThanOrEqualTo(cellBox.getX());
            assertThat(r.getX() + r.getWidth()).isLessThanOrEqualTo(cellBox.getX() + cellBox.getWidth());
        }

        // A white-space cell opened shows its questions inside the cell, still without sideways scrolling.
        WebElement empty = browser.findElement(By.cssSelector("td.cell.empty[data-experience='coach_behavior'][data-architecture='market_maker']"));
        empty.findElement(By.tagName("summary")).click();
        assertThat(empty.findElement(By.tagName("ol")).isDisplayed()).isTrue();
        assertThat(run(MATRIX_PROBLEMS)).isEmpty();
        assertThat(run(NO_HORIZONTAL_OVERFLOW)).isEmpty();

        // Choosing a firm brings its panel into view (it sits below the matrix on a phone).
        browser.findElement(By.cssSelector(".chip[data-firm='livongo']")).click();
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-name"), "Livongo"));
        waitUpTo(5).until(d -> {
            Object top = browser.executeScript("return document.getElementById('panel-firm').getBoundingClientRect().top;");
            return ((Number) top).doubleValue() < HEIGHT && ((Number) top).doubleValue() >= -1;
        });
        assertThat(run(NO_HORIZONTAL_OVERFLOW)).isEmpty();
        screenshot("phone-matrix-panel");
    }

    @Test
    void theOtherPagesFitThePhoneWidth() throws IOException {
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("firm", "/firms/livongo");
        pages.put("firm-form", "/markets/us-chronic-health/firms/new");
        pages.put("firm-edit", "/firms/livongo/edit");
        pages.put("market-form", "/markets/new");
        pages.put("simulate", "/firms/equinox/simulate");
        pages.put("customers", "/firms/equinox/customers");
        pages.put("console", "/console");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            browser.get(base + page.getValue());
            waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
            screenshot("phone-" + page.getKey());
            assertThat(run(NO_HORIZONTAL_OVERFLOW)).as(page.getValue()).isEmpty();
            // The navigation stays on the screen: every link of the header is inside the viewport.
            for (WebElement link : browser.findElements(By.cssSelector(".site-header a"))) {
                Rectangle r = link.getRect();
                assertThat(r.getX() + r.getWidth()).as("header link %s on %s", link.getText(), page.getValue()).isLessThanOrEqualTo(WIDTH);
            }
        }
    }
}
