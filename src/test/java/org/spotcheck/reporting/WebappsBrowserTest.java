package org.spotcheck.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spotcheck.support.Browser;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;

/** Tasklist as a case worker sees it, in a real browser: spotcheck's name, no migration banner, the case at a glance. */
class WebappsBrowserTest extends CaseFlows {

    @RegisterExtension
    final Browser.ScreenshotOnFailure screenshots = new Browser.ScreenshotOnFailure();

    @Test
    void anAnalystsTasklistSaysSpotcheckShowsNoBannerAndListsEachTaskWithItsCaseListingAndBrand() {
        com.fasterxml.jackson.databind.node.ObjectNode flag = Flags.decidedAs("REVIEW");
        Flags.listing(flag).put("title", "Watched serum " + flag.get("flagId").asText()).put("brand", "Acme");
        Case c = newCase(flag);
        Browser browser = screenshots.track(new Browser(port()));

        browser.open("/camunda/app/tasklist/default/#/login");
        browser.type(browser.await(By.cssSelector("input[ng-model='username']")), "analyst");
        browser.type(browser.await(By.cssSelector("input[type='password']")), "analyst");
        browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
        WebElement filter = browser.await(By.xpath("//*[contains(@class,'task-filters')]//*[contains(., 'Risk analysts tasks')]"));
        filter.click();

        WebElement card = new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.findElements(
                By.xpath("//li[contains(@class,'task')][contains(., '" + c.number() + "')]")).stream().findFirst().orElse(null));
        assertThat(card.getText()).contains("Review flag", "Case:", c.number(), "Listing:", "Watched serum");
        // the further columns (brand, triage priority) fold under the card's chevron
        assertThat(card.getAttribute("textContent")).contains("Brand:", "Acme", "Triage priority:");
        assertThat(browser.driver().findElement(By.cssSelector(".navbar-brand")).getText()).isEqualTo("spotcheck Tasklist");
        assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner"))).allMatch(b -> !b.isDisplayed());
        browser.screenshot("tasklist-analyst");
    }
}
