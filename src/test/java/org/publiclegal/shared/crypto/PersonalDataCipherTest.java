package org.publiclegal.shared.crypto;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.config.AppConfig;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AES-256-GCM sealing bound to its row and column, with rotating keys; bad key configuration stops start-up. */
class PersonalDataCipherTest {

    private static final String KEY_1 = key(1);
    private static final String KEY_2 = key(2);
    private static final String CONTEXT = "resident_profile.mobile:6f1c";

    private static String key(int fill) {
        byte[] raw = new byte[32];
        java.util.Arrays.fill(raw, (byte) fill);
        return Base64.getEncoder().encodeToString(raw);
    }

    private static PersonalDataCipher cipher(String keys, String active) {
        return new PersonalDataCipher(new AppConfig.Crypto() {
            @Override
            public Optional<String> keys() {
                return Optional.ofNullable(keys);
            }

            @Override
            public Optional<String> activeKeyId() {
                return Optional.ofNullable(active);
            }
        });
    }

    @Test
    void aSealedValueOpensWithItsKeyAndContext() {
        PersonalDataCipher c = cipher("k1:" + KEY_1, "k1");
        String sealed = c.encrypt("13812345678", CONTEXT);
        assertEquals("13812345678", c.decrypt(sealed, "k1", CONTEXT));
        assertEquals("k1", c.activeKeyId());
        assertNull(c.encrypt(null, CONTEXT));
        assertNull(c.decrypt(null, "k1", CONTEXT));
    }

    @Test
    void theSameValueSealsDifferentlyEachTimeWithANonceTheCiphertextAndTheTag() {
        PersonalDataCipher c = cipher("k1:" + KEY_1, "k1");
        byte[] plain = "和庆县".getBytes(StandardCharsets.UTF_8);
        byte[] a = c.encryptBytes(plain, CONTEXT);
        byte[] b = c.encryptBytes(plain, CONTEXT);
        assertEquals(12 + plain.length + 16, a.length);
        assertNotEquals(Base64.getEncoder().encodeToString(a), Base64.getEncoder().encodeToString(b));
        assertArrayEquals(plain, c.decryptBytes(b, "k1", CONTEXT));
    }

    @Test
    void aValueCopiedToAnotherRowOrColumnDoesNotOpen() {
        PersonalDataCipher c = cipher("k1:" + KEY_1, "k1");
        String sealed = c.encrypt("13812345678", CONTEXT);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> c.decrypt(sealed, "k1", "resident_profile.mobile:other"));
        assertTrue(e.getMessage().contains("k1"));
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        PersonalDataCipher c = cipher("k1:" + KEY_1, "k1");
        byte[] sealed = c.encryptBytes(new byte[]{1, 2, 3}, CONTEXT);
        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> c.decryptBytes(sealed, "k1", CONTEXT));
    }

    @Test
    void afterRotationOldRowsOpenWithTheirOwnKeyAndNewRowsUseTheNewOne() {
        PersonalDataCipher before = cipher("k1:" + KEY_1, "k1");
        String old = before.encrypt("532932199001011234", CONTEXT);
        PersonalDataCipher after = cipher(" k1 : " + KEY_1 + " , k2:" + KEY_2, "k2");
        assertEquals("532932199001011234", after.decrypt(old, "k1", CONTEXT));
        String fresh = after.encrypt("532932199001011234", CONTEXT);
        assertThrows(IllegalStateException.class, () -> after.decrypt(fresh, "k1", CONTEXT), "sealed with k2, not k1");
        assertEquals("532932199001011234", after.decrypt(fresh, "k2", CONTEXT));
    }

    /** The thread's one Cipher is set up afresh for every value: a failed open or another key leaves no trace. */
    @Test
    void aThreadSealsAndOpensValueAfterValueWithAnyKeyAlsoAfterAValueThatDidNotOpen() throws Exception {
        PersonalDataCipher c = cipher("k1:" + KEY_1 + ",k2:" + KEY_2, "k2");
        PersonalDataCipher old = cipher("k1:" + KEY_1, "k1");
        String sealedWithK1 = old.encrypt("532932199001011234", CONTEXT);
        for (int i = 0; i < 3; i++) {
            String sealed = c.encrypt("1381234567" + i, CONTEXT + i);
            assertThrows(IllegalStateException.class, () -> c.decrypt(sealed, "k2", CONTEXT));
            assertEquals("1381234567" + i, c.decrypt(sealed, "k2", CONTEXT + i));
            assertEquals("532932199001011234", c.decrypt(sealedWithK1, "k1", CONTEXT));
            assertNotEquals(sealed, c.encrypt("1381234567" + i, CONTEXT + i), "a new nonce each time");
        }
        // values sealed on one thread open on another, and both threads keep working at once
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<String>> opened = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String value = "和庆县" + i;
                opened.add(pool.submit(() -> c.decrypt(c.encrypt(value, CONTEXT), "k2", CONTEXT)));
            }
            for (int i = 0; i < 200; i++) {
                assertEquals("和庆县" + i, opened.get(i).get());
            }
            String elsewhere = pool.submit(() -> c.encrypt("13900001111", CONTEXT)).get();
            assertEquals("13900001111", c.decrypt(elsewhere, "k2", CONTEXT));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRowSealedWithARemovedKeyNamesTheMissingKey() {
        PersonalDataCipher c = cipher("k2:" + KEY_2, "k2");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.decryptBytes(new byte[40], "k1", CONTEXT));
        assertTrue(e.getMessage().contains("No configured key with id k1"), e.getMessage());
    }

    @Test
    void startUpFailsWithoutKeysOrWithoutAnActiveKey() {
        assertTrue(assertThrows(IllegalStateException.class, () -> cipher(null, "k1")).getMessage().contains("APP_CRYPTO_KEYS"));
        assertTrue(assertThrows(IllegalStateException.class, () -> cipher("k1:" + KEY_1, null)).getMessage().contains("APP_CRYPTO_ACTIVE_KEY_ID"));
    }

    @Test
    void startUpFailsOnAnEntryWithoutAnIdAKeyOfThirtyOneBytesOrAnActiveKeyNotListed() {
        assertTrue(assertThrows(IllegalStateException.class, () -> cipher(KEY_1, "k1")).getMessage().contains("id:base64key"));
        String short31 = Base64.getEncoder().encodeToString(new byte[31]);
        assertTrue(assertThrows(IllegalStateException.class, () -> cipher("k1:" + short31, "k1")).getMessage()
                .contains("key k1 must be 32 bytes"));
        String long33 = Base64.getEncoder().encodeToString(new byte[33]);
        assertThrows(IllegalStateException.class, () -> cipher("k1:" + long33, "k1"));
        assertTrue(assertThrows(IllegalStateException.class, () -> cipher("k1:" + KEY_1, "k2")).getMessage()
                .contains("active-key-id"));
    }
}
