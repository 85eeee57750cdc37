package org.spotcheck.evidence;

import static org.spotcheck.cases.CounterfeitCaseProcess.Vars;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.cases.CounterfeitCaseProcess;
import org.spotcheck.engine.TaskActors;
import org.spotcheck.engine.TaskInputRule;
import org.spotcheck.network.SellerNetwork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code Task_RecordParcelIntake}: the custodian's report is checked, then the parcel becomes evidence. */
@Configuration(proxyBeanMethods = false)
class ParcelIntakeDelegates {

    private static final String SEAL_NUMBER = Vars.SEAL_NUMBER.getName();
    private static final String STORAGE_LOCATION = Vars.STORAGE_LOCATION.getName();
    private static final String PHOTO_SHA256 = Vars.PHOTO_SHA256.getName();

    /** What the parcel form cannot say: a seal number belongs to one piece of evidence. At both task doors. */
    @Bean
    TaskInputRule sealNumbersUnique(EvidenceService evidence) {
        return TaskInputRule.of(CounterfeitCaseProcess.Forms.RECORD_PARCEL_INTAKE, values ->
                Boolean.TRUE.equals(values.get(Vars.PARCEL_RECEIVED.getName()))
                        && values.get(SEAL_NUMBER) instanceof String seal && evidence.sealInUse(seal.trim())
                        ? Map.of(SEAL_NUMBER, "is already used by other evidence: seal numbers are unique") : Map.of());
    }

    @Bean
    TaskListener parcelReported(EvidenceService evidence) {
        return task -> {
            if (!(task.getVariable(Vars.PARCEL_RECEIVED.getName()) instanceof Boolean received)) {
                throw TaskActors.refuse(Vars.PARCEL_RECEIVED.getName(), "parcelReceived is required and must be a Boolean");
            }
            if (!received) {
                return;
            }
            Map<String, String> problems = new LinkedHashMap<>();
            Map<String, Object> values = task.getVariables();
            // lengths and the photo hash's form are the form's rules (forms/record-parcel-intake.form), applied at
            // both task doors before this runs (engine.FormRules); here what storing the sample needs, and the seal's
            // uniqueness, which no form can know
            String seal = text(values, SEAL_NUMBER, problems);
            text(values, STORAGE_LOCATION, problems);
            text(values, PHOTO_SHA256, problems);
            if (seal != null && evidence.sealInUse(seal)) {
                problems.put(SEAL_NUMBER, "is already used by other evidence: seal numbers are unique");
            }
            if (!problems.isEmpty()) {
                StringBuilder text = new StringBuilder("The parcel intake is incomplete:");
                problems.forEach((field, message) -> text.append(' ').append(field).append(' ').append(message).append(';'));
                throw TaskActors.refuse(problems.keySet().iterator().next(), text.toString());
            }
            Vars.PARCEL_RECEIVED_BY.on(task.getExecution()).set(TaskActors.actor(task));
        };
    }

    @Bean
    JavaDelegate storeSample(EvidenceService evidence, CaseRepository cases, SellerNetwork network) {
        return execution -> {
            CaseRef ref = cases.require(execution.getProcessBusinessKey());
            evidence.receiveParcel(ref, Vars.SEAL_NUMBER.from(execution).get().trim(),
                    Vars.STORAGE_LOCATION.from(execution).get().trim(),
                    Vars.PHOTO_SHA256.from(execution).get().trim().toLowerCase(),
                    Vars.PARCEL_RECEIVED_BY.from(execution).get());
            Vars.RETURN_ADDRESS_HASH.from(execution).getOptional().filter(hash -> !hash.isBlank())
                    .ifPresent(hash -> network.addKey(cases.sellerOf(ref.pk()), "RETURN_ADDRESS", hash.trim()));
        };
    }

    private static String text(Map<String, Object> values, String field, Map<String, String> problems) {
        Object value = values.get(field);
        if (!(value instanceof String s) || s.isBlank()) {
            problems.put(field, "is required");
            return null;
        }
        return s.trim();
    }
}
