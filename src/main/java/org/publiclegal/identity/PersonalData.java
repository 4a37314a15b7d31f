package org.publiclegal.identity;

import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.crypto.Masking;
import org.publiclegal.shared.crypto.PersonalDataCipher;

import java.time.Instant;
import java.util.UUID;

/** Seals a resident's real-name details into a {@link ResidentProfile} and opens them again. */
@ApplicationScoped
public class PersonalData {

    private final PersonalDataCipher cipher;

    public PersonalData(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** The details in the clear: shown only to their owner, or to staff through an audited read. */
    public record Details(UUID accountId, String realName, String idNumber, String mobile, String address,
                          String homeVillageCode, Instant updatedAt) {

        public Details masked() {
            return new Details(accountId, Masking.name(realName), Masking.idNumber(idNumber), Masking.mobile(mobile),
                    Masking.address(address), homeVillageCode, updatedAt);
        }
    }

    public void seal(ResidentProfile p, String realName, String idNumber, String mobile, String address,
                     String homeVillageCode, Instant now) {
        p.realName = realName;
        p.keyId = cipher.activeKeyId();
        p.idNumberCipher = cipher.encrypt(idNumber.toUpperCase(), context("id_number", p.accountId));
        p.mobileCipher = cipher.encrypt(mobile, context("mobile", p.accountId));
        p.addressCipher = cipher.encrypt(address, context("address", p.accountId));
        p.homeVillageCode = homeVillageCode;
        p.updatedAt = now;
    }

    public Details open(ResidentProfile p) {
        return new Details(p.accountId, p.realName,
                cipher.decrypt(p.idNumberCipher, p.keyId, context("id_number", p.accountId)),
                cipher.decrypt(p.mobileCipher, p.keyId, context("mobile", p.accountId)),
                cipher.decrypt(p.addressCipher, p.keyId, context("address", p.accountId)),
                p.homeVillageCode, p.updatedAt);
    }

    private static String context(String column, UUID accountId) {
        return "resident_profile." + column + ":" + accountId;
    }
}
