package org.publiclegal.shared.crypto;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.publiclegal.shared.config.AppConfig;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * AES-256-GCM for personal data at rest (ID numbers, phones, addresses, finances).
 * <p>
 * Keys come from configuration as {@code app.crypto.keys=id1:base64key,id2:base64key} with
 * {@code app.crypto.active-key-id} naming the one new values are sealed with. Older keys stay listed
 * so rows sealed with them can still be read (the row stores the key id), which is how keys rotate.
 * Each value is bound to its context (e.g. {@code resident_profile.mobile:<account id>}) as associated
 * data, so a ciphertext copied to another row or column does not decrypt.
 */
@ApplicationScoped
@Startup
public class PersonalDataCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys = new HashMap<>();
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();
    /*
     * One AES/GCM Cipher per thread, initialised afresh (key, nonce, associated data) for every value.
     * Cipher.getInstance searches the security providers on each call: 60 % of the time spent sealing and opening
     * in the issue-17 profile of the creates (bench/results/profile-creates-2026-12-02.md). A Cipher is not
     * thread-safe, hence one per thread (the event loops and the worker threads: a handful).
     */
    private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });

    @Inject
    public PersonalDataCipher(AppConfig config) {
        this(config.crypto());
    }

    /** Parses and checks the configured keys (fails at start-up, naming what is wrong). */
    PersonalDataCipher(AppConfig.Crypto crypto) {
        Optional<String> keyList = crypto.keys();
        Optional<String> activeKeyId = crypto.activeKeyId();
        if (keyList.isEmpty() || activeKeyId.isEmpty()) {
            throw new IllegalStateException("Personal-data encryption keys are not configured: set APP_CRYPTO_KEYS "
                    + "(id:base64-of-32-bytes[,id:...]) and APP_CRYPTO_ACTIVE_KEY_ID from the Kubernetes Secret.");
        }
        for (String entry : keyList.get().split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalStateException("app.crypto.keys: each entry must be id:base64key");
            }
            byte[] raw = Base64.getDecoder().decode(parts[1].trim());
            if (raw.length != 32) {
                throw new IllegalStateException("app.crypto.keys: key " + parts[0] + " must be 32 bytes (AES-256)");
            }
            keys.put(parts[0].trim(), new SecretKeySpec(raw, "AES"));
        }
        if (!keys.containsKey(activeKeyId.get())) {
            throw new IllegalStateException("app.crypto.active-key-id names a key that app.crypto.keys does not list");
        }
        this.activeKeyId = activeKeyId.get();
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /** Seals {@code plaintext} with the active key (base64 of nonce || ciphertext); null stays null. */
    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        return Base64.getEncoder().encodeToString(encryptBytes(plaintext.getBytes(StandardCharsets.UTF_8), context));
    }

    /** Opens a value sealed with key {@code keyId} for the same {@code context}. */
    public String decrypt(String ciphertext, String keyId, String context) {
        if (ciphertext == null) {
            return null;
        }
        return new String(decryptBytes(Base64.getDecoder().decode(ciphertext), keyId, context), StandardCharsets.UTF_8);
    }

    /** Seals bytes with the active key: nonce || ciphertext-with-tag. */
    public byte[] encryptBytes(byte[] plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** Opens bytes sealed by {@link #encryptBytes} with key {@code keyId} for the same {@code context}. */
    public byte[] decryptBytes(byte[] sealed, String keyId, String context) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("No configured key with id " + keyId + " (was it removed too early?)");
        }
        try {
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed for a value sealed with key " + keyId, e);
        }
    }
}
