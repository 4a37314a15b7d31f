package org.publiclegal.identity;

import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.crypto.Masking;
import org.publiclegal.shared.crypto.PersonalDataCipher;

import java.util.UUID;

/**
 * 工作人员手机号: seals a staff member's mobile on the {@link Account} (AES-256-GCM bound to the account, as residents'
 * details are) and opens it again, for the masked form in lists or a match during an import.
 */
@ApplicationScoped
public class StaffContact {

    private final PersonalDataCipher cipher;

    public StaffContact(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** Seals {@code mobile} (null clears it). */
    public void sealMobile(Account account, String mobile) {
        if (mobile == null) {
            account.mobileCipher = null;
            account.mobileKeyId = null;
            return;
        }
        account.mobileKeyId = cipher.activeKeyId();
        account.mobileCipher = cipher.encrypt(mobile, context(account.id));
    }

    /** The mobile in the clear, or null. */
    public String openMobile(UUID accountId, String mobileCipher, String keyId) {
        return mobileCipher == null ? null : cipher.decrypt(mobileCipher, keyId, context(accountId));
    }

    /** The mobile as lists show it ({@code 138****5678}), or null. */
    public String maskedMobile(Account account) {
        return Masking.mobile(openMobile(account.id, account.mobileCipher, account.mobileKeyId));
    }

    private static String context(UUID accountId) {
        return "account.mobile:" + accountId;
    }
}
