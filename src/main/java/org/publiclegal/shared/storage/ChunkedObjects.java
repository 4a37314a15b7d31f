package org.publiclegal.shared.storage;

import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.crypto.PersonalDataCipher;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.problem.ErrorCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;

/**
 * Files in {@code stored_object} written and read as streams (an import's file): stored chunk by chunk as the
 * request body arrives, each chunk sealed on its own ({@code stored_object_chunk}, V44), all in one transaction of
 * its own (PostgreSQL only, so any replica reads what another stored; a failed or refused upload leaves nothing), and
 * read back one chunk at a time. Blocking: call it on a worker thread, never on the event loop. At most one chunk
 * (and the reader's buffer) is in memory at a time.
 */
@ApplicationScoped
public class ChunkedObjects {

    /** What was stored: its key, size, SHA-256 (hex) of the plain content and content type. */
    public record Stored(UUID key, long size, String sha256, String contentType) {
    }

    private final Pool pool;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    public ChunkedObjects(Pool pool, PersonalDataCipher cipher, Clock clock) {
        this.pool = pool;
        this.cipher = cipher;
        this.clock = clock;
    }

    static String context(UUID key, int seq) {
        return "stored_object:" + key + ":" + seq;
    }

    /**
     * Stores what {@code in} yields in chunks of {@code chunkSize} bytes, sealed, and commits. More than
     * {@code maxBytes} is refused with 413 (the rest of the body is read and dropped, so the client gets the answer;
     * nothing is kept). {@code typeOfHead} names the content type from the first chunk.
     */
    public Stored put(InputStream in, int chunkSize, long maxBytes, String refusal, Function<byte[], String> typeOfHead) {
        UUID key = UUID.randomUUID();
        MessageDigest sha = sha256();
        SqlConnection conn = pool.getConnection().await().indefinitely();
        try {
            Transaction tx = conn.begin().await().indefinitely();
            try {
                conn.preparedQuery("""
                                insert into stored_object (object_key, content_type, size_bytes, sha256, key_id, content,
                                    created_at, chunk_count) values ($1, 'application/octet-stream', 0, $2, $3, $4, $5, 0)""")
                        .execute(Tuple.of(key, "0".repeat(64), cipher.activeKeyId(), Buffer.buffer(),
                                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                        .await().indefinitely();
                long size = 0;
                int seq = 0;
                String type = null;
                byte[] chunk;
                while ((chunk = in.readNBytes(chunkSize)).length > 0) {
                    size += chunk.length;
                    if (size > maxBytes) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                        throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, refusal);
                    }
                    if (type == null) {
                        type = typeOfHead.apply(chunk);
                    }
                    sha.update(chunk);
                    conn.preparedQuery("insert into stored_object_chunk (object_key, seq, key_id, content) values ($1, $2, $3, $4)")
                            .execute(Tuple.of(key, seq, cipher.activeKeyId(),
                                    Buffer.buffer(cipher.encryptBytes(chunk, context(key, seq)))))
                            .await().indefinitely();
                    seq++;
                }
                String hex = HexFormat.of().formatHex(sha.digest());
                String contentType = type == null ? "application/octet-stream" : type;
                conn.preparedQuery("update stored_object set content_type = $2, size_bytes = $3, sha256 = $4, chunk_count = $5 "
                                + "where object_key = $1")
                        .execute(Tuple.of(key, contentType, size, hex, seq)).await().indefinitely();
                tx.commit().await().indefinitely();
                return new Stored(key, size, hex, contentType);
            } catch (RuntimeException | IOException e) {
                tx.rollback().await().indefinitely();
                if (e instanceof IOException io) {
                    throw new UncheckedIOException(io);
                }
                throw (RuntimeException) e;
            }
        } finally {
            conn.close().await().indefinitely();
        }
    }

    /** Removes a stored object (and its chunks), e.g. when what it belonged to could not be written. */
    public void delete(UUID key) {
        pool.preparedQuery("delete from stored_object where object_key = $1").execute(Tuple.of(key)).await().indefinitely();
    }

    /**
     * The content of {@code key} as a stream that fetches and opens one chunk at a time (an object stored whole is
     * opened at once). 404 when there is no such object.
     */
    public InputStream open(UUID key) {
        RowSet<Row> rows = pool.preparedQuery("select chunk_count, key_id, content from stored_object where object_key = $1")
                .execute(Tuple.of(key)).await().indefinitely();
        if (!rows.iterator().hasNext()) {
            throw new NotFound("文件", key);
        }
        Row r = rows.iterator().next();
        Integer chunks = r.getInteger(0);
        if (chunks == null) {
            return new ByteArrayInputStream(cipher.decryptBytes(r.getBuffer(2).getBytes(), r.getString(1),
                    "stored_object:" + key));
        }
        return new ChunkStream(key, chunks);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the chunks of one object in order, one query per chunk. */
    private final class ChunkStream extends InputStream {
        private final UUID key;
        private final int chunks;
        private int next;
        private byte[] current = new byte[0];
        private int pos;

        ChunkStream(UUID key, int chunks) {
            this.key = key;
            this.chunks = chunks;
        }

        private boolean fill() {
            while (pos >= current.length) {
                if (next >= chunks) {
                    return false;
                }
                RowSet<Row> rows = pool.preparedQuery("select key_id, content from stored_object_chunk where object_key = $1 and seq = $2")
                        .execute(Tuple.of(key, next)).await().indefinitely();
                if (!rows.iterator().hasNext()) {
                    throw new IllegalStateException("chunk " + next + " of stored object " + key + " is missing");
                }
                Row r = rows.iterator().next();
                current = cipher.decryptBytes(r.getBuffer(1).getBytes(), r.getString(0), context(key, next));
                pos = 0;
                next++;
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? current[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
