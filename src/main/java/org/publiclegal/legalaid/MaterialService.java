package org.publiclegal.legalaid;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.IllegalTransition;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.shared.storage.FileTypes;
import org.publiclegal.shared.storage.ObjectStorage;

import java.time.Clock;
import java.util.UUID;

/**
 * Materials of an application: images and PDFs, checked by their content (magic bytes), capped in size,
 * sealed in the object storage. The applicant adds them while drafting or supplying missing items; the
 * centre may add scans of paper materials while the case is open.
 */
@ApplicationScoped
public class MaterialService {

    private final ApplicationTransitions transitions;
    private final MaterialRepository materials;
    private final ObjectStorage storage;
    private final AuditTrail audit;
    private final AppConfig config;
    private final Clock clock;

    public MaterialService(ApplicationTransitions transitions, MaterialRepository materials, ObjectStorage storage,
                           AuditTrail audit, AppConfig config, Clock clock) {
        this.transitions = transitions;
        this.materials = materials;
        this.storage = storage;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Material> upload(UUID applicationId, MaterialCategory category, String fileName, byte[] content,
                                AccessScope scope, Actor actor) {
        if (content.length == 0) {
            throw DomainException.invalidField("file", "文件为空");
        }
        if (content.length > config.legalaid().maxMaterialBytes()) {
            throw DomainException.invalidField("file", "单个文件不能超过 "
                    + config.legalaid().maxMaterialBytes() / (1024 * 1024) + " MB");
        }
        String type = FileTypes.detect(content);
        if (type == null) {
            throw DomainException.invalidField("file", "只接受 JPEG、PNG、WebP 图片或 PDF 文件（按文件内容识别）");
        }
        return transitions.load(applicationId, scope).chain(a -> {
            boolean applicant = scope.isResident();
            boolean centre = scope.hasRole(Roles.AID_OFFICER) && a.centreId.equals(scope.organisationId());
            if (!applicant && !centre) {
                throw DomainException.forbidden("只有申请人或受理中心可以上传材料");
            }
            boolean open = applicant
                    ? a.status == ApplicationStatus.DRAFT || a.status == ApplicationStatus.MATERIALS_REQUESTED
                    : a.status.isOpen() || a.isWindowDraft();
            if (!open) {
                throw new IllegalTransition("法律援助申请", a.status, "upload-material", a.status.actions());
            }
            return storage.put(content, type).chain(key -> {
                Material m = new Material();
                m.id = UUID.randomUUID();
                m.applicationId = a.id;
                m.category = category;
                m.fileName = FileTypes.cleanName(fileName, "material");
                m.contentType = type;
                m.sizeBytes = content.length;
                m.objectKey = key;
                m.uploadedBy = actor.accountId();
                m.uploadedAt = clock.instant();
                return materials.persist(m);
            });
        });
    }

    /** A material's content; a staff download is audited (it is personal data). */
    @WithTransaction
    public Uni<Download> download(UUID applicationId, UUID materialId, AccessScope scope, Actor actor) {
        return transitions.load(applicationId, scope).chain(a -> materials.findById(materialId).chain(m -> {
            if (m == null || !m.applicationId.equals(a.id)) {
                throw new NotFound("材料", materialId);
            }
            Uni<Void> audited = scope.isResident() ? Uni.createFrom().voidItem()
                    : audit.record(actor, "PERSONAL_DATA_READ", "aid_material", m.id, a.regionCode,
                    "下载申请材料 " + m.category);
            return audited.chain(() -> storage.get(m.objectKey)).map(o -> new Download(m, o.content()));
        }));
    }

    /** A material and its bytes. */
    public record Download(Material material, byte[] content) {
    }

}
