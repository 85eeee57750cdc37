package org.spotcheck.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.spotcheck.support.Browser;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;

/**
 * The dashboard in a real browser (Chromium), as managers use it: signed in through the
 * webapps' own login, every chart with the figures of a data set made here (category
 * LUXURY, which no other test uses), another range, a chart's CSV; a buyer is refused.
 */
class DashboardBrowserTest extends CaseFlows {

    @RegisterExtension
    final Browser.ScreenshotOnFailure screenshots = new Browser.ScreenshotOnFailure();

    private ObjectNode luxury() {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        Flags.listing(flag).put("category", "LUXURY").put("brand", "Acme");
        return flag;
    }

    /** Four LUXURY cases: counterfeit, genuine, waiting for a verdict, waiting for the purchase. */
    private void dataSet() {
        counterfeit(luxury());
        Case genuine = atVerification(luxury());
        assertThat(verdict(genuine, "rh-acme", "GENUINE", "R-" + genuine.number()).status()).isEqualTo(202);
        atVerification(luxury());
        newCase(luxury());
    }

    private static String cell(WebElement chart, String label, int column) {
        return chart.findElement(By.cssSelector("tbody tr[data-label='" + label + "'] td:nth-child(" + (column + 1) + ")"))
                .getAttribute("textContent");
    }

    private static List<String> column(WebElement chart, int column) {
        return chart.findElements(By.cssSelector("tbody tr td:nth-child(" + (column + 1) + ")")).stream()
                .map(td -> td.getAttribute("textContent")).toList();
    }

    @Test
    void aManagerSeesEveryChartWithTheFiguresChangesTheRangeAndDownloadsACsv() throws Exception {
        dataSet();
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        Browser browser = screenshots.track(new Browser(port()));

        browser.open("/dashboard");
        browser.awaitUrl(url -> url.contains("/camunda/app/welcome/")); // not signed in: the webapps' login
        browser.signIn("manager", "manager");
        browser.open("/dashboard?category=LUXURY");
        WebElement funnel = browser.present(By.cssSelector("#chart-funnel tbody tr"))
                .findElement(By.xpath("ancestor::section"));

        assertThat(column(funnel, 1)).containsExactly("4", "4", "3", "2", "1", "0", "0");
        for (String chart : List.of("budget", "funnel", "hitRate", "takedown", "waiting", "tasks", "appeals")) {
            WebElement section = browser.driver().findElement(By.id("chart-" + chart));
            assertThat(section.findElement(By.tagName("canvas")).getSize().getHeight()).as(chart).isGreaterThan(100);
            assertThat(section.findElement(By.tagName("h2")).getText()).as(chart).isNotBlank();
        }
        WebElement budget = browser.driver().findElement(By.id("chart-budget"));
        assertThat(cell(budget, today, 1)).isEqualTo("277.5"); // three purchases of 92.50 today
        WebElement waiting = browser.driver().findElement(By.id("chart-waiting"));
        assertThat(cell(waiting, "verdict", 1)).isEqualTo("1");
        WebElement hitRate = browser.driver().findElement(By.id("chart-hitRate"));
        assertThat(column(hitRate, 1)).last().isEqualTo("50"); // the model's buys: one counterfeit of two verdicts
        assertThat(column(browser.driver().findElement(By.id("chart-tasks")), 0)).contains("test-buyers", "appeals");
        browser.screenshot("dashboard");

        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('from').value = '2025-01-01'; document.getElementById('to').value = '2025-01-31';");
        browser.driver().findElement(By.id("apply")).click();
        browser.awaitUrl(url -> url.contains("from=2025-01-01"));
        browser.await(By.xpath("//span[@id='status'][contains(., '2025-01-01 to 2025-01-31')]"));
        funnel = browser.driver().findElement(By.id("chart-funnel"));
        assertThat(column(funnel, 1)).containsOnly("0");

        browser.driver().findElement(By.id("csv-funnel")).click();
        String csv = Files.readString(browser.downloaded("spotcheck-funnel-2025-01-01-2025-01-31.csv"));
        assertThat(csv).startsWith("label,count\r\n").contains("flags,0\r\n", "arrests,0\r\n");

        browser.resize(390, 844); // a phone: the charts stack in one column
        WebElement narrow = browser.driver().findElement(By.id("chart-budget"));
        assertThat(narrow.getSize().getWidth()).isLessThanOrEqualTo(390);
        browser.screenshot("dashboard-phone");
    }

    @Test
    void aBuyerIsRefused() {
        Browser browser = screenshots.track(new Browser(port()));

        browser.signIn("buyer", "buyer");
        browser.open("/dashboard");

        assertThat(browser.await(By.id("refused")).getText()).isEqualTo("Not for this account");
        assertThat(browser.driver().getPageSource()).contains("buyer").doesNotContain("chart-funnel");
    }
}
