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

    /** The content whole; a file stored in chunks ({@link ChunkedObjects}) is put together from its opened chunks. */
    @Override
    public Uni<StoredObject> get(UUID key) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select content_type, key_id, content, sha256, chunk_count from stored_object where object_key = :key",
                        Object[].class)
                .setParameter("key", key).getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        throw new NotFound("文件", key);
                    }
                    Object[] r = rows.get(0);
                    String sha = ((String) r[3]).trim();
                    if (r[4] == null) {
                        byte[] content = cipher.decryptBytes((byte[]) r[2], (String) r[1], context(key));
                        return Uni.createFrom().item(new StoredObject(key, (String) r[0], content, sha));
                    }
                    return s.createNativeQuery("select seq, key_id, content from stored_object_chunk where object_key = :key "
                                    + "order by seq", Object[].class).setParameter("key", key).getResultList()
                            .map(chunks -> {
                                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                                for (Object[] c : chunks) {
                                    all.writeBytes(cipher.decryptBytes((byte[]) c[2], (String) c[1],
                                            ChunkedObjects.context(key, ((Number) c[0]).intValue())));
                                }
                                return new StoredObject(key, (String) r[0], all.toByteArray(), sha);
                            });
                }));
    }

    private static String context(UUID key) {
        return "stored_object:" + key;
    }

}
