package org.spotcheck.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Lets tests in other packages hand a flag body to intake directly, as the REST and Kafka entries do. */
@Component
@Profile("test")
public class FlagMapperAccess {

    private final FlagMapper mapper;
    private final ObjectMapper json;

    FlagMapperAccess(FlagMapper mapper, ObjectMapper json) {
        this.mapper = mapper;
        this.json = json;
    }

    /** As {@code POST /api/cases} does: the flag stored, then its process's first steps run. @return the case number */
    public String receive(IntakeService intake, String flagJson) {
        try {
            return intake.receiveAndStart(mapper.toNewFlag(json.readValue(flagJson, FlagRequest.class)), "test").caseNumber();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** As a Kafka poll does: many flags in one transaction. @return their case numbers, in order */
    public java.util.List<String> receiveAll(IntakeService intake, java.util.List<String> flagJsons) {
        java.util.List<org.spotcheck.intake.domain.NewFlag> flags = new java.util.ArrayList<>();
        for (String flagJson : flagJsons) {
            try {
                flags.add(mapper.toNewFlag(json.readValue(flagJson, FlagRequest.class)));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return intake.receiveAll(flags, "test").stream().map(FlagAnswer::caseNumber).toList();
    }
}
