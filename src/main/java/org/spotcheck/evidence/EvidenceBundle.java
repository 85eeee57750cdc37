package org.spotcheck.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.listing.Listings;
import org.spotcheck.network.SellerNetwork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's evidence and custody chain as one JSON document with a detached Ed25519
 * signature, for auditors to check offline (docs/process.md: "Evidence bundles"). The key comes
 * from {@code spotcheck.evidence.signing-key} (PKCS#8 PEM) with its public half in
 * {@code spotcheck.evidence.public-key}; without them a key pair is made per start,
 * which suits dev mode only.
 */
@Component
class EvidenceBundle {

    private static final Logger log = LoggerFactory.getLogger(EvidenceBundle.class);

    private final CaseRepository cases;
    private final Listings listings;
    private final SellerNetwork network;
    private final EvidenceService evidence;
    private final ObjectMapper json;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    EvidenceBundle(CaseRepository cases, Listings listings, SellerNetwork network, EvidenceService evidence,
                   ObjectMapper json,
                   @Value("${spotcheck.evidence.signing-key:}") String signingKey,
                   @Value("${spotcheck.evidence.public-key:}") String publicKeyText) throws Exception {
        this.cases = cases;
        this.listings = listings;
        this.network = network;
        this.evidence = evidence;
        this.json = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
        if (signingKey.isBlank()) {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            privateKey = pair.getPrivate();
            publicKey = pair.getPublic();
            log.warn("No spotcheck.evidence.signing-key configured: evidence bundles are signed with a key made for this start");
        } else {
            privateKey = ed25519.generatePrivate(new PKCS8EncodedKeySpec(decode(signingKey)));
            publicKey = publicKeyText.isBlank() ? null : ed25519.generatePublic(new X509EncodedKeySpec(decode(publicKeyText)));
        }
    }

    private static byte[] decode(String pemOrBase64) {
        return Base64.getMimeDecoder().decode(pemOrBase64.replaceAll("-----[A-Z ]+-----", "").trim());
    }

    @Transactional(readOnly = true)
    Map<String, Object> export(String caseNumber) throws Exception {
        CaseRef ref = cases.require(caseNumber);
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("format", "spotcheck-evidence-bundle-v1");
        bundle.put("caseNumber", caseNumber);
        bundle.put("listing", listingOf(ref));
        bundle.put("evidence", evidence.items(ref.pk()));
        bundle.put("custody", evidence.chain(ref.pk()));
        byte[] document = json.writeValueAsBytes(bundle);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey);
        signer.update(document);
        Map<String, Object> signed = new LinkedHashMap<>();
        signed.put("bundle", Base64.getEncoder().encodeToString(document));
        signed.put("signature", Base64.getEncoder().encodeToString(signer.sign()));
        signed.put("algorithm", "Ed25519");
        signed.put("publicKey", publicKeyPem());
        return signed;
    }

    /** The case's listing and seller as the bundle names them. */
    private Map<String, Object> listingOf(CaseRef ref) {
        CaseRepository.Subject subject = cases.subject(ref.pk());
        Listings.Facts listing = listings.require(subject.listingPk());
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("platform", listing.platform());
        named.put("listing_id", listing.listingId());
        named.put("shop_id", listing.shopId());
        named.put("seller_id", network.name(subject.sellerPk()).sellerId());
        named.put("brand", listing.brand());
        named.put("category", listing.category());
        named.put("outcome", subject.outcome());
        return named;
    }

    /** The public half, when configured (auditors may also get it from operations). */
    String publicKeyPem() {
        if (publicKey == null) {
            return null;
        }
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

}
