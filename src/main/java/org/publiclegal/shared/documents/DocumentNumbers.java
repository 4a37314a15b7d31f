package org.publiclegal.shared.documents;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.domain.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Hands out 文书字号. A document gets its number the first time it is printed and keeps it (re-prints show the same
 * number); the yearly sequence per organisation and prefix is one row in PostgreSQL, incremented by an upsert, so
 * replicas never hand out the same number twice.
 */
@ApplicationScoped
public class DocumentNumbers {

    private static final String EXISTING = "select number from doc_number where kind = :kind and subject_id = :subject";
    private static final String PREFIX = "select prefix from doc_prefix where organisation_id = :org and kind = :kind";
    private static final String NEXT = """
            insert into doc_sequence as q (organisation_id, prefix, year, last_value) values (:org, :prefix, :year, 1)
            on conflict (organisation_id, prefix, year) do update set last_value = q.last_value + 1
            returning q.last_value""";
    private static final String RECORD = """
            insert into doc_number (kind, subject_id, organisation_id, prefix, year, seq, number, issued_at)
            values (:kind, :subject, :org, :prefix, :year, :seq, :number, :now)
            on conflict (kind, subject_id) do nothing""";
    private static final String SET_PREFIX = """
            insert into doc_prefix (organisation_id, kind, prefix, updated_at) values (:org, :kind, :prefix, :now)
            on conflict (organisation_id, kind) do update set prefix = excluded.prefix, updated_at = excluded.updated_at""";

    private final Clock clock;

    public DocumentNumbers(Clock clock) {
        this.clock = clock;
    }

    /**
     * The number of a document: the one it already has, or the next of its organisation's year.
     *
     * @param year the year of the document's own date (decision, 生效日期), not of the print
     */
    @WithTransaction
    public Uni<String> numberFor(DocumentKind kind, UUID subjectId, UUID organisationId, String organisationName,
                                 int year) {
        return existing(kind, subjectId).chain(found -> found != null ? Uni.createFrom().item(found)
                : prefix(organisationId, organisationName, kind).chain(prefix -> Panache.getSession()
                .chain(s -> s.createNativeQuery(NEXT, Integer.class).setParameter("org", organisationId)
                        .setParameter("prefix", prefix).setParameter("year", year).getSingleResult())
                .chain(seq -> Panache.getSession().chain(s -> s.createNativeQuery(RECORD)
                        .setParameter("kind", kind.name()).setParameter("subject", subjectId)
                        .setParameter("org", organisationId).setParameter("prefix", prefix)
                        .setParameter("year", year).setParameter("seq", seq)
                        .setParameter("number", DocumentNumbering.format(prefix, year, seq))
                        .setParameter("now", Instant.now(clock)).executeUpdate()))
                // a concurrent first print may have won: its number is the document's, ours is a gap
                .chain(() -> existing(kind, subjectId))));
    }

    /** The number a document already has, or null; never allocates. */
    @WithTransaction
    public Uni<String> existingNumber(DocumentKind kind, UUID subjectId) {
        return existing(kind, subjectId);
    }

    /** Sets an organisation's prefix for one kind; numbers already given keep theirs. */
    @WithTransaction
    public Uni<Void> setPrefix(UUID organisationId, DocumentKind kind, String prefix) {
        if (!DocumentNumbering.validPrefix(prefix)) {
            throw DomainException.rule(DocumentNumbering.PREFIX_MESSAGE);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(SET_PREFIX).setParameter("org", organisationId)
                .setParameter("kind", kind.name()).setParameter("prefix", prefix)
                .setParameter("now", Instant.now(clock)).executeUpdate()).replaceWithVoid();
    }

    private Uni<String> existing(DocumentKind kind, UUID subjectId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(EXISTING, String.class)
                .setParameter("kind", kind.name()).setParameter("subject", subjectId).getResultList())
                .map(l -> l.isEmpty() ? null : l.get(0));
    }

    private Uni<String> prefix(UUID organisationId, String organisationName, DocumentKind kind) {
        return Panache.getSession().chain(s -> s.createNativeQuery(PREFIX, String.class)
                        .setParameter("org", organisationId).setParameter("kind", kind.name()).getResultList())
                .map((List<String> l) -> l.isEmpty() ? DocumentNumbering.defaultPrefix(organisationName, kind) : l.get(0));
    }
}
