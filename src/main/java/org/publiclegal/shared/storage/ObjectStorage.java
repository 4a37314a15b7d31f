package org.publiclegal.shared.storage;

import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * Where uploaded files (ID photos, income proofs, case documents) live. Today a PostgreSQL table
 * ({@link PostgresObjectStorage}); an S3-compatible object store can replace it behind this interface.
 * Implementations seal the content: it is personal data.
 */
public interface ObjectStorage {

    /** Stores {@code content} and returns its key. Runs in the caller's transaction where the store allows. */
    Uni<UUID> put(byte[] content, String contentType);

    /** The content stored under {@code key}, or a failed Uni with NotFound. */
    Uni<StoredObject> get(UUID key);

    /** A stored file's bytes and metadata. */
    record StoredObject(UUID key, String contentType, byte[] content, String sha256) {
    }
}
