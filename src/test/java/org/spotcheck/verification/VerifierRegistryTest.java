package org.spotcheck.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;

/** PUT /api/verifiers/{id}: a brand is one brand in any case, held by one rights holder. */
class VerifierRegistryTest extends CaseFlows {

    private Api.Response register(String verifier, String... brands) {
        return api().put("/api/verifiers/" + verifier, "admin", "{\"kind\": \"RIGHTS_HOLDER\", \"name\": \"" + verifier
                + "\", \"covers\": [\"" + String.join("\", \"", brands) + "\"]}");
    }

    @Test
    void aBrandInAnotherCaseIsTheSameBrandAndStaysWithItsRightsHolder() {
        String brand = "Zeta" + UUID.randomUUID().toString().substring(0, 8);
        String holder = "rh-" + brand.toLowerCase();
        String rival = "rh-rival-" + brand.toLowerCase();

        assertThat(register(holder, brand).status()).isEqualTo(204);
        Api.Response taken = register(rival, brand.toUpperCase());
        Api.Response merged = register(holder, brand.toLowerCase(), brand.toUpperCase());

        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.isProblem()).isTrue();
        assertThat(taken.json().get("detail").asText()).contains(holder);
        assertThat(merged.status()).as(merged.body()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from verifier_brand where lower(brand) = lower(:b)").param("b", brand)
                .query(Long.class).single()).isEqualTo(1);

        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        Flags.listing(flag).put("brand", brand.toUpperCase()); // apparel: its rights holder verifies
        Case c = atVerification(flag);
        assertThat(view(c).at("/verification/verifier").asText()).isEqualTo(holder);
    }
}
