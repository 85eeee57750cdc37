package org.spotcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The forms' validate blocks, read from forms/ as deployed, applied as form-js applies them in Tasklist. */
class FormRulesTest {

    private static final String SHA = "ab".repeat(32);

    private static FormRules form(String name) throws IOException {
        return FormRules.of(new ObjectMapper().readTree(Path.of("forms", name + ".form").toFile()));
    }

    private static Map<String, Object> purchase() {
        Map<String, Object> values = new HashMap<>();
        values.put("listingUnavailable", false);
        values.put("orderNumber", "TB-1");
        values.put("amountPaidCny", 92.5);
        values.put("videoEvidenceUri", "s3://v/1.mp4");
        values.put("videoSha256", SHA);
        return values;
    }

    @Test
    void aCompletePurchaseReportPasses() throws IOException {
        assertThat(form("perform-test-purchase").problems(purchase())).isEmpty();
    }

    @Test
    void thePurchaseFormsLimitsRefuseWhatTheyDescribe() throws IOException {
        Map<String, Object> values = purchase();
        values.put("orderNumber", "x".repeat(101));
        values.put("videoSha256", "123");
        values.put("amountPaidCny", 0);
        values.remove("videoEvidenceUri");

        assertThat(form("perform-test-purchase").problems(values)).containsOnly(
                Map.entry("orderNumber", "must have at most 100 characters"),
                Map.entry("amountPaidCny", "must be at least 0.01"),
                Map.entry("videoEvidenceUri", "is required"),
                Map.entry("videoSha256", "must match ^[0-9a-fA-F]{64}$"));
    }

    @Test
    void aNegativeAmountOrTextForANumberIsRefused() throws IOException {
        Map<String, Object> values = purchase();
        values.put("amountPaidCny", -5);
        assertThat(form("perform-test-purchase").problems(values)).containsEntry("amountPaidCny", "must be at least 0.01");
        values.put("amountPaidCny", "ninety");
        assertThat(form("perform-test-purchase").problems(values)).containsEntry("amountPaidCny", "must be a number");
    }

    @Test
    void fieldsTheFormHidesAreNotChecked() throws IOException {
        Map<String, Object> gone = new HashMap<>(Map.of("listingUnavailable", true));
        assertThat(form("perform-test-purchase").problems(gone)).isEmpty();

        Map<String, Object> noParcel = new HashMap<>(Map.of("parcelReceived", false));
        assertThat(form("record-parcel-intake").problems(noParcel)).isEmpty();
        noParcel.put("parcelReceived", true);
        assertThat(form("record-parcel-intake").problems(noParcel))
                .containsOnlyKeys("sealNumber", "storageLocation", "photoSha256");

        Map<String, Object> extend = new HashMap<>(Map.of("extendHold", true));
        assertThat(form("review-retention").problems(extend)).isEmpty();
        extend.put("extendHold", false);
        assertThat(form("review-retention").problems(extend)).containsOnly(Map.entry("disposalWitness", "is required"));
    }

    @Test
    void readOnlyFieldsAreNotTheUsersToFill() throws IOException {
        FormRules purchase = form("perform-test-purchase");
        assertThat(purchase.fields()).containsEntry("caseNumber", false).containsEntry("personaHandle", false)
                .containsEntry("orderNumber", true);
        Map<String, Object> values = purchase();
        values.put("caseNumber", 42); // not the user's: the guard compares it with what the task shows
        assertThat(purchase.problems(values)).isEmpty();
    }

    @Test
    void aSelectTakesOneOfItsValuesAndTextHasItsLimits() throws IOException {
        Map<String, Object> lead = new HashMap<>(Map.of("agency", "INTERPOL", "jurisdiction", "x".repeat(101),
                "summary", "s".repeat(4001)));
        assertThat(form("prepare-lead-package").problems(lead)).containsOnly(
                Map.entry("agency", "must be one of [PUBLIC_SECURITY, MARKET_REGULATION, QUALITY_INSPECTION, FOOD_AND_DRUG]"),
                Map.entry("jurisdiction", "must have at most 100 characters"),
                Map.entry("summary", "must have at most 4000 characters"));
        lead.putAll(Map.of("agency", "FOOD_AND_DRUG", "jurisdiction", "Zhejiang", "summary", "Fake serum"));
        assertThat(form("prepare-lead-package").problems(lead)).isEmpty();
    }
}
