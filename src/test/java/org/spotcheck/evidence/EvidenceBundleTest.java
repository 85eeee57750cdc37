package org.spotcheck.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;

/** An auditor exports a case's evidence with its custody chain and checks the signature offline. */
class EvidenceBundleTest extends CaseFlows {

    private static boolean verifies(String publicKeyPem, byte[] document, byte[] signature) throws Exception {
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getMimeDecoder().decode(publicKeyPem.replaceAll("-----[A-Z ]+-----", "").trim())));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(document);
        return verifier.verify(signature);
    }

    @Test
    void theBundleHoldsEvidenceAndChainAndItsSignatureChecksOut() throws Exception {
        Case c = atVerification(Flags.decidedAs("TEST_BUY"));

        JsonNode signed = api().get("/api/cases/" + c.number() + "/evidence-bundle", "custodian").json();

        byte[] document = Base64.getDecoder().decode(signed.get("bundle").asText());
        byte[] signature = Base64.getDecoder().decode(signed.get("signature").asText());
        JsonNode bundle = new ObjectMapper().readTree(document);
        assertThat(bundle.get("caseNumber").asText()).isEqualTo(c.number());
        assertThat(bundle.get("evidence")).extracting(e -> e.get("kind").asText()).containsExactly("VIDEO", "PHOTO", "SAMPLE");
        assertThat(bundle.get("custody")).allSatisfy(e -> assertThat(e.get("entryHash").asText()).hasSize(64));
        assertThat(signed.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(verifies(signed.get("publicKey").asText(), document, signature)).isTrue();

        document[document.length / 2] ^= 1; // one bit changed anywhere
        assertThat(verifies(signed.get("publicKey").asText(), document, signature)).isFalse();
        assertThat(api().get("/api/cases/" + c.number() + "/evidence-bundle", "rh-acme").status()).isEqualTo(403);
    }
}
