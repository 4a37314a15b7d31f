package org.publiclegal.mediation;

import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.crypto.PersonalDataCipher;

import java.util.UUID;

/** Seals and opens mediation texts (facts, claims, party names and phones, messages, agreements). */
@ApplicationScoped
public class MediationSeal {

    private final PersonalDataCipher cipher;

    public MediationSeal(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    public String keyId() {
        return cipher.activeKeyId();
    }

    public String seal(String text, String column, UUID rowId) {
        return cipher.encrypt(text, "mediation." + column + ":" + rowId);
    }

    public String open(String sealed, String keyId, String column, UUID rowId) {
        return cipher.decrypt(sealed, keyId, "mediation." + column + ":" + rowId);
    }
}
