package org.publiclegal.mediation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.storage.FileTypes;
import org.publiclegal.shared.storage.ObjectStorage;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Evidence of a dispute, uploaded by its parties or the committee's mediators while the case is open, under the
 * same rules as legal-aid materials: content checked by magic bytes, size cap, sealed storage; a mediator's
 * download is audited.
 */
@ApplicationScoped
@io.quarkus.hibernate.reactive.panache.common.WithSession
public class EvidenceService {

    private final DisputeAccess access;
    private final ObjectStorage storage;
    private final AuditTrail audit;
    private final AppConfig config;
    private final Clock clock;

    public EvidenceService(DisputeAccess access, ObjectStorage storage, AuditTrail audit, AppConfig config, Clock clock) {
        this.access = access;
        this.storage = storage;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Evidence> upload(UUID disputeId, String fileName, byte[] content, AccessScope scope, Actor actor) {
        if (content.length == 0 || content.length > config.legalaid().maxMaterialBytes()) {
            throw DomainException.invalidField("file", "文件为空或超过 " + config.legalaid().maxMaterialBytes() / (1024 * 1024) + " MB");
        }
        String type = FileTypes.detect(content);
        if (type == null) {
            throw DomainException.invalidField("file", "只接受 JPEG、PNG、WebP 图片或 PDF 文件（按文件内容识别）");
        }
        return access.load(disputeId, scope).chain(l -> {
            if (!DisputeAccess.handles(l, scope)) {
                throw DomainException.forbidden("只有当事人和本案调解员可以提交证据");
            }
            if (!l.dispute().status.isOpen()) {
                throw DomainException.conflict("案件已结束，不能再提交证据");
            }
            return storage.put(content, type).chain(key -> {
                Evidence e = new Evidence();
                e.id = UUID.randomUUID();
                e.disputeId = disputeId;
                e.fileName = FileTypes.cleanName(fileName, "evidence");
                e.contentType = type;
                e.sizeBytes = content.length;
                e.objectKey = key;
                e.uploadedBy = actor.accountId();
                e.uploadedAt = clock.instant();
                return Panache.getSession().chain(s -> s.persist(e)).replaceWith(e);
            });
        });
    }

    public Uni<List<Evidence>> list(UUID disputeId, AccessScope scope) {
        return access.load(disputeId, scope).chain(l -> Panache.getSession().chain(s -> s.createSelectionQuery(
                "from Evidence where disputeId = :d order by uploadedAt, id", Evidence.class)
                .setParameter("d", disputeId).getResultList()));
    }

    @WithTransaction
    public Uni<ObjectStorage.StoredObject> download(UUID disputeId, UUID evidenceId, AccessScope scope, Actor actor) {
        return access.load(disputeId, scope).chain(l -> {
            if (!DisputeAccess.handles(l, scope)) {
                throw new NotFound("证据", evidenceId);
            }
            return Panache.getSession().chain(s -> s.find(Evidence.class, evidenceId)).chain(e -> {
                if (e == null || !e.disputeId.equals(disputeId)) {
                    throw new NotFound("证据", evidenceId);
                }
                Uni<Void> audited = scope.isResident() ? Uni.createFrom().voidItem()
                        : audit.record(actor, "PERSONAL_DATA_READ", "med_evidence", e.id, l.dispute().regionCode, "下载证据");
                return audited.chain(() -> storage.get(e.objectKey));
            });
        });
    }
}
