package org.cstrat.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.cstrat.server.testing.InBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The simulation page's charts ({@code web/static/js/charts.js}) drawn in a real browser from made-up series: axis
 * ticks are round numbers (1, 2 or 5 × 10^k apart), and no legend text runs out of its picture however long the
 * strategy's name. The script runs on the simulation page itself, so it is the file the page serves.
 */
class ChartsBrowserIT extends InBrowser {

    static void openTheSimulationPage() {
        browser.get(base + "/firms/equinox/simulate");
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
        waitUpTo(10).until(d -> Boolean.TRUE.equals(browser.executeScript("return !!window.Charts;")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void niceTicksAreRoundNumbers() {
        openTheSimulationPage();
        // The axes the issue saw: NPV 444…1938 (was 444/1191/1938) and periods 0…35 (was 0, 6, 12, 18, 23, 29, 35).
        Map<String, Object> npv = (Map<String, Object>) browser.executeScript("return Charts.niceTicks(444, 1938, 4);");
        assertThat((List<Object>) npv.get("ticks")).map(n -> ((Number) n).doubleValue()).containsExactly(500.0, 1000.0, 1500.0);
        Map<String, Object> periods = (Map<String, Object>) browser.executeScript("return Charts.niceTicks(0, 35, 6, true);");
        assertThat((List<Object>) periods.get("ticks")).map(n -> ((Number) n).intValue()).containsExactly(0, 5, 10, 15, 20, 25, 30, 35);
        Map<String, Object> small = (Map<String, Object>) browser.executeScript("return Charts.niceTicks(0.1, 0.3, 4);");
        assertThat((List<Object>) small.get("ticks")).map(n -> ((Number) n).doubleValue()).containsExactly(0.1, 0.15, 0.2, 0.25, 0.3);
        Map<String, Object> integers = (Map<String, Object>) browser.executeScript("return Charts.niceTicks(0, 3, 6, true);");
        assertThat((List<Object>) integers.get("ticks")).map(n -> ((Number) n).intValue()).containsExactly(0, 1, 2, 3);
        assertThat(browser.executeScript("return Charts.tickLabels(Charts.niceTicks(-157410, 5728, 5));"))
                .isEqualTo(List.of("-150k", "-100k", "-50k", "0"));
        // any range: every tick is a multiple of a step of 1, 2 or 5 × 10^k, between the bounds, 2 to 12 of them
        List<String> bad = (List<String>) browser.executeScript("""
                // a seeded generator (mulberry32), so that a failure can be reproduced
                var seed = 20261207;
                function random() {
                  seed = (seed + 0x6D2B79F5) | 0;
                  var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
                  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
                  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
                }
                var bad = [];
                for (var i = 0; i < 2000; i++) {
                  var a = (random() - 0.3) * Math.pow(10, Math.floor(random() * 9) - 3);
                  var b = a + random() * Math.pow(10, Math.floor(random() * 9) - 3) + 1e-9;
                  var r = Charts.niceTicks(a, b, 5);
                  var mantissa = r.step / Math.pow(10, Math.floor(Math.log10(r.step) + 1e-9));
                  if (![1, 2, 5].some(function (m) { return Math.abs(mantissa - m) < 1e-9; })) bad.push('step ' + r.step + ' for ' + a + '..' + b);
                  if (r.ticks.length < 2 || r.ticks.length > 12) bad.push(r.ticks.length + ' ticks for ' + a + '..' + b);
                  r.ticks.forEach(function (t) {
                    if (t < a - r.step * 1e-6 || t > b + r.step * 1e-6) bad.push(t + ' outside ' + a + '..' + b);
                    // a double carries about 16 digits: far from zero in small steps (t / step ~ 10^10), k × step is
                    // exact only to about |t / step| × 10^-16 steps, so the tolerance grows with it
                    var k = t / r.step;
                    if (Math.abs(k - Math.round(k)) > 1e-6 + Math.abs(k) * 1e-12) bad.push(t + ' not a multiple of ' + r.step);
                  });
                }
                return bad;""");
        assertThat(bad).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void legendsFitTheirPictureAndAxesShowRoundTicks() throws IOException {
        openTheSimulationPage();
        List<String> problems = (List<String>) browser.executeScript("""
                var names = ['respond-flat', 'curated-loyalty-with-a-very-long-strategy-name', 'coach subscription at the premium tier for families'];
                var fan = Charts.fan(names.map(function (n, i) {
                  var points = [];
                  for (var p = 0; p <= 35; p++) { var m = 444 + 42.7 * p * (i + 1); points.push({period: p, p5: m * 0.8, p25: m * 0.9, p50: m, p75: m * 1.1, p95: m * 1.2}); }
                  return {name: n, points: points};
                }), 'Active customers', 'customers');
                var hist = Charts.histograms(names.map(function (n, i) { return {name: n, lower: -89638 + i * 1000, upper: 5728 * (i + 1), counts: [1, 4, 9, 4, 1]}; }), 'NPV', 'NPV');
                var figure = document.createElement('div');
                figure.id = 'chart-test';
                figure.className = 'chart-figure';
                figure.appendChild(fan); figure.appendChild(hist);
                document.querySelector('main').prepend(figure);
                var problems = [];
                [fan, hist].forEach(function (svg, k) {
                  // screen rectangles (rotated axis titles included) against the picture's own
                  var p = svg.getBoundingClientRect();
                  svg.querySelectorAll('text').forEach(function (t) {
                    var b = t.getBoundingClientRect();
                    if (b.left < p.left - 0.5 || b.top < p.top - 0.5 || b.right > p.right + 0.5 || b.bottom > p.bottom + 0.5) {
                      problems.push('chart ' + k + ': "' + t.textContent + '" runs out of the picture (' + Math.round(b.right - p.left) + ' > ' + Math.round(p.width) + ')');
                    }
                  });
                  var legend = Array.prototype.map.call(svg.querySelectorAll('.legend-text'), function (t) { return t.textContent; }).join(' ');
                  names.forEach(function (n) { if (legend.replace(/\\s+/g, '').indexOf(n.replace(/\\s+/g, '')) < 0) problems.push('chart ' + k + ': legend lacks ' + n); });
                });
                return problems;""");
        assertThat(problems).isEmpty();
        List<String> ticks = (List<String>) browser.executeScript(
                "return Array.prototype.map.call(document.querySelectorAll('#chart-test svg:first-child .axis-tick'), function (t) { return t.textContent; });");
        assertThat(ticks).containsSubsequence("0", "5", "10", "15", "20", "25", "30", "35");
        for (String tick : ticks) {
            assertThat(tick).as("tick").matches("-?\\d+(\\.\\d+)?[kM]?");
            double value = Double.parseDouble(tick.replaceAll("[kM]$", "")) * (tick.endsWith("k") ? 1e3 : tick.endsWith("M") ? 1e6 : 1);
            assertThat(value % 5 == 0 || value % 2 == 0 || Math.abs(value * 100 - Math.round(value * 100)) < 1e-9).as(tick).isTrue();
        }
        browser.executeScript("document.getElementById('chart-test').scrollIntoView();");
        screenshot("charts-legends-and-ticks");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTornadoShowsLabelsWithTheKeyOnHover() {
        openTheSimulationPage();
        List<Map<String, Object>> rows = (List<Map<String, Object>>) browser.executeScript("""
                var svg = Charts.tornado([
                  {parameter: 'parameters.costs.experienceCostFactor.respondToDesire', label: 'Experience cost factor: respond to desire (costs)',
                   description: 'multiplier of the per-episode cost by delivered experience', lowNpv: 900, highNpv: 1400},
                  {parameter: 'strategy.billing.price', lowNpv: 1000, highNpv: 1300}], 1150, 'Tornado');
                document.querySelector('main').prepend(svg);
                return Array.prototype.map.call(svg.querySelectorAll('.tornado-label'), function (t) {
                  var b = t.getBBox();
                  return {text: t.childNodes[0].textContent, title: t.querySelector('title').textContent, left: b.x};
                });""");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("text")).isEqualTo("Experience cost factor: respond to desire (costs)");
        assertThat((String) rows.get(0).get("title")).startsWith("parameters.costs.experienceCostFactor.respondToDesire: multiplier");
        assertThat(((Number) rows.get(0).get("left")).doubleValue()).isGreaterThanOrEqualTo(0);
        // a run stored before labels existed: the key, shortened as before
        assertThat(rows.get(1).get("text")).isEqualTo("strategy: billing.price");
        assertThat(rows.get(1).get("title")).isEqualTo("strategy.billing.price");
    }
}
