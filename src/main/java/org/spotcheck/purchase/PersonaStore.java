package org.spotcheck.purchase;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.spotcheck.db.LockTimeout;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code persona} and {@code persona_assignment}, and the locks that make the cases of
 * one seller network take turns: every statement of {@link PersonaService}. Package-private
 * besides: persona details are an operational secret.
 */
@Repository
class PersonaStore {

    private static final int SELLER_LOCK_SPACE = 0x5907;

    private final JdbcClient jdbc;
    private final LockTimeout lockTimeout;

    PersonaStore(JdbcClient jdbc, LockTimeout lockTimeout) {
        this.jdbc = jdbc;
        this.lockTimeout = lockTimeout;
    }

    /** The seller network's lock, until commit; the wait is bounded. */
    void lockNetwork(long networkId) {
        lockTimeout.bound();
        jdbc.sql("select pg_advisory_xact_lock(:space, :network)").param("space", SELLER_LOCK_SPACE)
                .param("network", (int) (networkId ^ (networkId >>> 32))).query().singleRow();
    }

    /**
     * @return an active persona that bought from none of these sellers within the cool-down,
     *         least recently used first
     */
    Optional<Long> free(List<Long> networkSellerPks, Duration cooldown) {
        return jdbc.sql("""
                select p.id from persona p
                where p.active and not exists (
                    select 1 from persona_assignment a
                    where a.persona_pk = p.id and a.assigned_at > now() - make_interval(secs => cast(:cooldown as double precision))
                      and a.seller_pk = any(cast(:network as int8[])))
                order by (select max(a.assigned_at) from persona_assignment a where a.persona_pk = p.id) nulls first, p.id
                limit 1""")
                // the members as one array literal: one parameter, whatever the network's size
                .param("network", networkSellerPks.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .param("cooldown", cooldown.toSeconds())
                .query(Long.class).optional();
    }

    void assign(long casePk, long personaPk, long sellerPk) {
        jdbc.sql("insert into persona_assignment (case_pk, persona_pk, seller_pk) values (:case, :persona, :seller)")
                .param("case", casePk).param("persona", personaPk).param("seller", sellerPk).update();
    }

    Optional<PersonaService.Persona> assignedTo(long casePk) {
        return jdbc.sql("""
                select p.id, p.handle, p.address_label, p.active from persona_assignment a
                join persona p on p.id = a.persona_pk where a.case_pk = :case""")
                .param("case", casePk).query(PersonaService.Persona.class).optional();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the handle is taken */
    PersonaService.Persona create(String handle, String addressLabel) {
        return jdbc.sql("""
                insert into persona (handle, address_label) values (:handle, :address)
                returning id, handle, address_label, active""")
                .param("handle", handle).param("address", addressLabel).query(PersonaService.Persona.class).single();
    }

    /** @return false when there is no such persona */
    boolean setActive(long id, boolean active) {
        return jdbc.sql("update persona set active = :active where id = :id")
                .param("active", active).param("id", id).update() == 1;
    }

    List<PersonaService.Persona> all() {
        return jdbc.sql("select id, handle, address_label, active from persona order by id")
                .query(PersonaService.Persona.class).list();
    }
}
