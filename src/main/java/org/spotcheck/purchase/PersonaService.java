package org.spotcheck.purchase;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.db.LockTimeout;
import org.spotcheck.network.SellerNetwork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymous buyer personas. A case gets one that has not bought from the same seller
 * within the cool-down, least recently used first; none free means the case waits.
 * Persona details are an operational secret: the timeline only says one was assigned.
 */
@Service
public class PersonaService {

    private static final int SELLER_LOCK_SPACE = 0x5907;

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final SellerNetwork network;
    private final CaseJournal journal;
    private final Duration cooldown;
    private final LockTimeout lockTimeout;

    PersonaService(JdbcClient jdbc, CaseRepository cases, SellerNetwork network, CaseJournal journal, BudgetProperties properties,
                   LockTimeout lockTimeout) {
        this.lockTimeout = lockTimeout;
        this.jdbc = jdbc;
        this.cases = cases;
        this.network = network;
        this.journal = journal;
        this.cooldown = properties.personaCooldown();
    }

    @Transactional
    public Optional<Persona> tryAssign(String caseNumber) {
        CaseRef ref = cases.require(caseNumber);
        Optional<Persona> assigned = assignedTo(ref.pk());
        if (assigned.isPresent()) {
            return assigned;
        }
        long sellerPk = cases.sellerOf(ref.pk());
        // cases of one network take turns, so two of them never pick the same persona at once
        long networkId = this.network.networkOf(sellerPk).id();
        lockTimeout.bound();
        jdbc.sql("select pg_advisory_xact_lock(:space, :network)").param("space", SELLER_LOCK_SPACE)
                .param("network", (int) (networkId ^ (networkId >>> 32))).query().singleRow();
        // the members as they are now, under the lock
        SellerNetwork.Network network = this.network.networkOf(sellerPk);
        Optional<Long> free = jdbc.sql("""
                select p.id from persona p
                where p.active and not exists (
                    select 1 from persona_assignment a
                    where a.persona_pk = p.id and a.assigned_at > now() - make_interval(secs => cast(:cooldown as double precision))
                      and a.seller_pk = any(cast(:network as int8[])))
                order by (select max(a.assigned_at) from persona_assignment a where a.persona_pk = p.id) nulls first, p.id
                limit 1""")
                // the members as one array literal: one parameter, whatever the network's size
                .param("network", network.sellerPks().stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .param("cooldown", cooldown.toSeconds())
                .query(Long.class).optional();
        if (free.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("insert into persona_assignment (case_pk, persona_pk, seller_pk) values (:case, :persona, :seller)")
                .param("case", ref.pk()).param("persona", free.get()).param("seller", sellerPk).update();
        journal.record(ref, "PERSONA", CaseJournal.ACTOR_SYSTEM, "Buyer persona assigned", "persona-assigned",
                Map.of());
        return assignedTo(ref.pk());
    }

    @Transactional
    public void noteWaiting(String caseNumber) {
        journal.record(cases.require(caseNumber), "PERSONA", CaseJournal.ACTOR_SYSTEM,
                "Waiting for a buyer persona: every active persona bought from this seller within "
                        + cooldown.toDays() + " days; an administrator can add personas (POST /api/personas)",
                "persona-waiting", Map.of());
    }

    public Optional<Persona> assignedTo(long casePk) {
        return jdbc.sql("""
                select p.id, p.handle, p.address_label, p.active from persona_assignment a
                join persona p on p.id = a.persona_pk where a.case_pk = :case""")
                .param("case", casePk).query(Persona.class).optional();
    }

    @Transactional
    Persona create(String handle, String addressLabel) {
        try {
            return jdbc.sql("""
                    insert into persona (handle, address_label) values (:handle, :address)
                    returning id, handle, address_label, active""")
                    .param("handle", handle).param("address", addressLabel).query(Persona.class).single();
        } catch (DuplicateKeyException e) {
            throw new PersonaExistsException(handle);
        }
    }

    @Transactional
    boolean setActive(long id, boolean active) {
        return jdbc.sql("update persona set active = :active where id = :id")
                .param("active", active).param("id", id).update() == 1;
    }

    List<Persona> all() {
        return jdbc.sql("select id, handle, address_label, active from persona order by id").query(Persona.class).list();
    }

    public record Persona(long id, String handle, String addressLabel, boolean active) {
    }

    static class PersonaExistsException extends RuntimeException {
        PersonaExistsException(String handle) {
            super("A persona with handle '" + handle + "' exists already");
        }
    }
}
