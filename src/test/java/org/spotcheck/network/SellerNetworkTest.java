package org.spotcheck.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;

/** Networks of sellers sharing identity keys, and the cases a counterfeit opens for them. */
class SellerNetworkTest extends CaseFlows {

    private ObjectNode sellerFlag(String seller, String phone, String bank) {
        ObjectNode flag = Flags.decidedAs("DISMISS"); // closes at once: the seller has no open case
        Flags.listing(flag).put("sellerId", seller);
        ObjectNode identity = flag.putObject("sellerIdentity");
        identity.put("phoneHash", phone);
        if (bank != null) {
            identity.put("bankAccountHash", bank);
        }
        return flag;
    }

    private long network(String seller) {
        return jdbc.sql("select network_id from seller where seller_id = :s").param("s", seller).query(Long.class).single();
    }

    @Test
    void aNewSharedKeyMergesTwoNetworksIntoOne() {
        String a = "A-" + UUID.randomUUID();
        String b = "B-" + UUID.randomUUID();
        String c = "C-" + UUID.randomUUID();
        String phoneA = "phone-" + UUID.randomUUID();
        String phoneB = "phone-" + UUID.randomUUID();
        api().post("/api/cases", "intake", sellerFlag(a, phoneA, null).toString());
        api().post("/api/cases", "intake", sellerFlag(b, phoneB, null).toString());
        api().post("/api/cases", "intake", sellerFlag(c, phoneB, null).toString()); // shares B's phone
        assertThat(network(b)).isEqualTo(network(c));
        assertThat(network(a)).isNotEqualTo(network(b));

        String bank = "bank-" + UUID.randomUUID();
        api().post("/api/cases", "intake", sellerFlag(a, phoneA, bank).toString());
        api().post("/api/cases", "intake", sellerFlag(c, phoneB, bank).toString()); // A and C now share a bank account

        assertThat(network(a)).isEqualTo(network(b)).isEqualTo(network(c));
    }

}
