package org.spotcheck.verification;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Rights holders by brand, accredited labs by category. */
@Component("verifierRegistry")
public class VerifierRegistry {

    public static final String RIGHTS_HOLDER = "RIGHTS_HOLDER";
    public static final String LAB = "LAB";

    private final JdbcClient jdbc;

    VerifierRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean brandEnrolled(String brand) {
        return rightsHolderOf(brand).isPresent();
    }

    Optional<String> rightsHolderOf(String brand) {
        return jdbc.sql("select verifier_id from verifier_brand where lower(brand) = lower(:brand)")
                .param("brand", brand).query(String.class).optional();
    }

    /** The lab with the fewest open verifications for the category, so work spreads over labs. */
    Optional<String> labFor(String category) {
        return jdbc.sql("""
                select l.verifier_id from lab_category l
                where l.category = :category
                order by (select count(*) from verification v
                          where v.verifier_id = l.verifier_id and v.verdict is null and v.superseded_at is null),
                         l.verifier_id
                limit 1""").param("category", category).query(String.class).optional();
    }

    /**
     * A brand is matched regardless of case: registering 'ACME' where 'Acme' is the same
     * verifier's changes nothing; where it is another's, the whole registration is refused
     * ({@link BrandTaken}), so a brand's cases never go to two rights holders.
     */
    @Transactional
    public void register(String verifierId, String kind, String name, List<String> brandsOrCategories) {
        jdbc.sql("""
                insert into verifier (id, kind, name) values (:id, :kind, :name)
                on conflict (id) do update set kind = excluded.kind, name = excluded.name""")
                .param("id", verifierId).param("kind", kind).param("name", name).update();
        for (String value : brandsOrCategories) {
            if (RIGHTS_HOLDER.equals(kind)) {
                jdbc.sql("""
                        insert into verifier_brand (brand, verifier_id) values (:brand, :id)
                        on conflict ((lower(brand))) do nothing""")
                        .param("brand", value).param("id", verifierId).update();
                String holder = rightsHolderOf(value).orElseThrow();
                if (!holder.equals(verifierId)) {
                    throw new BrandTaken(value, holder);
                }
            } else {
                jdbc.sql("insert into lab_category (verifier_id, category) values (:id, :category) on conflict do nothing")
                        .param("id", verifierId).param("category", value).update();
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
