package org.spotcheck.dev;

import java.util.List;
import org.spotcheck.verification.VerifierRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Dev verifiers of CONTRACT.md: rh-acme holds the rights to Acme, lab-cqi tests every category. */
@Component
@Profile({"dev", "test"})
class DevVerifiers {

    private final VerifierRegistry registry;

    DevVerifiers(VerifierRegistry registry) {
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        registry.register("rh-acme", VerifierRegistry.RIGHTS_HOLDER, "Acme brand protection", List.of("Acme"));
        registry.register("lab-cqi", VerifierRegistry.LAB, "CQI accredited lab (dev)",
                List.of("COSMETICS", "FOOD", "DRUGS", "APPAREL", "ELECTRONICS", "TOYS", "LUXURY", "OTHER"));
    }
}
