package org.publiclegal.shared.storage;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.crypto.PersonalDataCipher;
import org.publiclegal.shared.domain.NotFound;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Files in the {@code stored_object} table, AES-GCM sealed, written in the caller's transaction. */
@ApplicationScoped
@WithSession
public class PostgresObjectStorage implements ObjectStorage {

    private final PersonalDataCipher cipher;
    private final Clock clock;

    public PostgresObjectStorage(PersonalDataCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public Uni<UUID> put(byte[] content, String contentType) {
        UUID key = UUID.randomUUID();
        byte[] sealed = cipher.encryptBytes(content, context(key));
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into stored_object (object_key, content_type, size_bytes, sha256, key_id, content, created_at)
                        values (:key, :type, :size, :sha, :keyId, :content, :now)""")
                .setParameter("key", key).setParameter("type", contentType).setParameter("size", (long) content.length)
                .setParameter("sha", FileTypes.sha256Hex(content)).setParameter("keyId", cipher.activeKeyId())
                .setParameter("content", sealed)
                .setParameter("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate()).replaceWith(key);
    }

    @Override
    public Uni<StoredObject> get(UUID key) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select content_type, key_id, content, sha256 from stored_object where object_key = :key", Object[].class)
                .setParameter("key", key).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw new NotFound("文件", key);
                    }
                    Object[] r = rows.get(0);
                    byte[] content = cipher.decryptBytes((byte[]) r[2], (String) r[1], context(key));
                    return new StoredObject(key, (String) r[0], content, ((String) r[3]).trim());
                });
    }

    private static String context(UUID key) {
        return "stored_object:" + key;
    }

}
