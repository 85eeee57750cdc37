package org.spotcheck.dev;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A few buyer personas for dev mode and the tests; prod personas come through POST /api/personas. */
@Component
@Profile({"dev", "test"})
class DevPersonas {

    private final JdbcClient jdbc;

    DevPersonas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        for (int i = 1; i <= 5; i++) {
            jdbc.sql("""
                    insert into persona (handle, address_label) values (:handle, :address)
                    on conflict (handle) do nothing""")
                    .param("handle", "dev-buyer-" + i).param("address", "Dev parcel locker " + i)
                    .update();
        }
    }
}
