package org.spotcheck.purchase;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.network.SellerNetwork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymous buyer personas. A case gets one that has not bought from the same seller
 * within the cool-down, least recently used first; none free means the case waits.
 * Persona details are an operational secret: the timeline only says one was assigned.
 * The SQL is {@link PersonaStore}'s.
 */
@Service
public class PersonaService {

    private final PersonaStore store;
    private final CaseRepository cases;
    private final SellerNetwork network;
    private final CaseJournal journal;
    private final Duration cooldown;

    PersonaService(PersonaStore store, CaseRepository cases, SellerNetwork network, CaseJournal journal,
                   BudgetProperties properties) {
        this.store = store;
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
        store.lockNetwork(networkId);
        // the members as they are now, under the lock
        SellerNetwork.Network network = this.network.networkOf(sellerPk);
        Optional<Long> free = store.free(network.sellerPks(), cooldown);
        if (free.isEmpty()) {
            return Optional.empty();
        }
        store.assign(ref.pk(), free.get(), sellerPk);
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
        return store.assignedTo(casePk);
    }

    @Transactional
    Persona create(String handle, String addressLabel) {
        try {
            return store.create(handle, addressLabel);
        } catch (DuplicateKeyException e) {
            throw new PersonaExistsException(handle);
        }
    }

    @Transactional
    boolean setActive(long id, boolean active) {
        return store.setActive(id, active);
    }

    List<Persona> all() {
        return store.all();
    }

    public record Persona(long id, String handle, String addressLabel, boolean active) {
    }

    static class PersonaExistsException extends RuntimeException {
        PersonaExistsException(String handle) {
            super("A persona with handle '" + handle + "' exists already");
        }
    }
}
