package org.publiclegal.shared.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.reactive.mutiny.Mutiny;
import org.publiclegal.shared.crypto.PersonalDataCipher;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.problem.ErrorCode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for create endpoints, so a phone retrying on a weak network never creates a
 * second record.
 * <p>
 * The key is claimed by inserting a row keyed by (caller, key) in the <em>same transaction</em> as the
 * create. A concurrent duplicate blocks on that primary key until the first transaction ends: if it
 * committed, the duplicate finds the stored response and replays it; if it rolled back (the create
 * failed), the duplicate runs the create itself. Failures are therefore never cached, and exactly one
 * record is created. The same key with a different request body is 422. Records expire after 24 hours.
 * Only a hash of the request is kept; the stored response is sealed (it may hold personal data).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private static final Duration RETENTION = Duration.ofHours(24);

    private final ObjectMapper mapper;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    public Idempotency(ObjectMapper mapper, PersonalDataCipher cipher, Clock clock) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** What a create returns: the new resource's address and its representation. */
    public record Created(URI location, Object body) {
    }

    /**
     * Runs {@code create} once per {@code (principal, key)} and answers 201 with its result; retries get the
     * stored response. Without a key, simply runs {@code create}.
     *
     * @param principal who is creating (the account id), so keys of different callers never collide
     * @param operation a stable name of the endpoint, part of the request fingerprint
     * @param request   the request body (its JSON is fingerprinted)
     */
    @WithTransaction
    public Uni<Response> create(UUID principal, String key, String operation, Object request,
                                Supplier<Uni<Created>> create) {
        if (key == null) {
            return create.get().map(c -> created(c.location(), json(c.body()), false));
        }
        if (!KEY.matcher(key).matches()) {
            throw new DomainException(ErrorCode.INVALID_IDEMPOTENCY_KEY,
                    "Idempotency-Key 须为 1 至 128 个可见 ASCII 字符（建议使用 UUID）");
        }
        String who = String.valueOf(principal);
        String hash = fingerprint(operation, request);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into idempotency_record (principal, idem_key, operation, request_hash, created_at)
                        values (:principal, :key, :operation, :hash, :now) on conflict do nothing""")
                .setParameter("principal", who).setParameter("key", key).setParameter("operation", operation)
                .setParameter("hash", hash).setParameter("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate()
                .chain(inserted -> inserted == 1
                        ? runAndStore(session, who, key, create)
                        : replay(session, who, key, operation, hash)));
    }

    private Uni<Response> runAndStore(Mutiny.Session session, String who, String key, Supplier<Uni<Created>> create) {
        return create.get().chain(c -> {
            String body = json(c.body());
            String location = c.location() == null ? null : c.location().toString();
            return session.createNativeQuery("""
                            update idempotency_record set response_status = 201, response_body = :body, key_id = :keyId,
                            location = :location where principal = :principal and idem_key = :key""")
                    .setParameter("body", cipher.encrypt(body, context(who, key))).setParameter("keyId", cipher.activeKeyId())
                    .setParameter("location", location)
                    .setParameter("principal", who).setParameter("key", key)
                    .executeUpdate()
                    .map(n -> created(c.location(), body, false));
        });
    }

    private Uni<Response> replay(Mutiny.Session session, String who, String key, String operation, String hash) {
        return session.createNativeQuery("""
                        select operation, request_hash, response_status, response_body, location, key_id
                        from idempotency_record where principal = :principal and idem_key = :key""", Object[].class)
                .setParameter("principal", who).setParameter("key", key)
                .getResultList()
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw new DomainException(ErrorCode.IDEMPOTENCY_IN_PROGRESS, "相同请求正在处理中，请稍后重试");
                    }
                    Object[] row = rows.get(0);
                    if (!operation.equals(row[0]) || !hash.equals(row[1])) {
                        throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                                "此 Idempotency-Key 已用于另一个请求；新请求请使用新的 Idempotency-Key");
                    }
                    if (row[2] == null) {
                        throw new DomainException(ErrorCode.IDEMPOTENCY_IN_PROGRESS, "相同请求正在处理中，请稍后重试");
                    }
                    Log.debugf("Replaying idempotent response for operation %s", operation);
                    String body = cipher.decrypt((String) row[3], (String) row[5], context(who, key));
                    return created(row[4] == null ? null : URI.create((String) row[4]), body, true);
                });
    }

    /** The stored response is bound to its caller and key. */
    private static String context(String who, String key) {
        return "idempotency_record:" + who + ":" + key;
    }

    private static Response created(URI location, String body, boolean replayed) {
        Response.ResponseBuilder r = Response.status(Response.Status.CREATED).entity(body).type(MediaType.APPLICATION_JSON);
        if (location != null) {
            r.location(location);
        }
        if (replayed) {
            r.header(REPLAYED_HEADER, "true");
        }
        return r.build();
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response not serialisable", e);
        }
    }

    private String fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops stored responses older than the retention period. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    Uni<Void> purgeExpired() {
        Instant cutoff = clock.instant().minus(RETENTION);
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "delete from idempotency_record where created_at < :cutoff")
                        .setParameter("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).executeUpdate())
                .invoke(n -> {
                    if (n > 0) {
                        Log.debugf("Purged %d expired idempotency records", n);
                    }
                })
                .replaceWithVoid();
    }

}
