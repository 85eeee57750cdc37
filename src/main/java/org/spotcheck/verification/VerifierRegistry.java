package org.spotcheck.verification;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Rights holders by brand, accredited labs by category. The SQL is {@link VerificationStore}'s. */
@Component("verifierRegistry")
public class VerifierRegistry {

    public static final String RIGHTS_HOLDER = "RIGHTS_HOLDER";
    public static final String LAB = "LAB";

    private final VerificationStore store;

    VerifierRegistry(VerificationStore store) {
        this.store = store;
    }

    public boolean brandEnrolled(String brand) {
        return rightsHolderOf(brand).isPresent();
    }

    Optional<String> rightsHolderOf(String brand) {
        return store.rightsHolderOf(brand);
    }

    /** The lab with the fewest open verifications for the category, so work spreads over labs. */
    Optional<String> labFor(String category) {
        return store.labFor(category);
    }

    /**
     * A brand is matched regardless of case: registering 'ACME' where 'Acme' is the same
     * verifier's changes nothing; where it is another's, the whole registration is refused
     * ({@link BrandTaken}), so a brand's cases never go to two rights holders.
     */
    @Transactional
    public void register(String verifierId, String kind, String name, List<String> brandsOrCategories) {
        store.saveVerifier(verifierId, kind, name);
        for (String value : brandsOrCategories) {
            if (RIGHTS_HOLDER.equals(kind)) {
                store.claimBrand(value, verifierId);
                String holder = rightsHolderOf(value).orElseThrow();
                if (!holder.equals(verifierId)) {
                    throw new BrandTaken(value, holder);
                }
            } else {
                store.addLabCategory(verifierId, value);
            }
        }
    }

    /** The brand (in any case) belongs to another rights holder; nothing of the registration was kept. */
    static class BrandTaken extends RuntimeException {
        BrandTaken(String brand, String holder) {
            super("Brand '" + brand + "' is registered to " + holder + " already (brands match regardless of case)");
        }
    }
}
