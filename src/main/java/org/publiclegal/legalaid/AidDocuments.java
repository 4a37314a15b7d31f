package org.publiclegal.legalaid;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.identity.ProfileService;
import org.publiclegal.identity.StaffService;
import org.publiclegal.legalaid.ApplicationService.ApplicationFile;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.documents.DocumentKind;
import org.publiclegal.shared.documents.DocumentNumbers;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.security.AccessScope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The centre's written decisions and notices on an application: 给予/不予法律援助决定书, 补正材料通知书 and 指派通知书.
 * Read as the case file is (scoped, a staff read audited); each document gets its 字号 on the first print, in the
 * year of its own date, and keeps it.
 */
@ApplicationScoped
public class AidDocuments {

    /** Which document of an application. */
    public enum Type { DECISION, MATERIALS, ASSIGNMENT }

    /**
     * What a document prints. {@code applicantName} is masked for a reader who only watches the case;
     * {@code lawyerName}/{@code providerName} are set for an assignment, {@code bureauName} for a refusal.
     */
    public record AidPrint(DocumentKind kind, LegalAidApplication application, String applicantName,
                           String centreName, String bureauName, String lawyerName, String providerName,
                           List<String> missingItems, LocalDate issuedOn, String number) {
    }

    private final ApplicationService applications;
    private final ProfileService profiles;
    private final StaffService staff;
    private final OrganisationService organisations;
    private final DocumentNumbers numbers;

    public AidDocuments(ApplicationService applications, ProfileService profiles, StaffService staff,
                        OrganisationService organisations, DocumentNumbers numbers) {
        this.applications = applications;
        this.profiles = profiles;
        this.staff = staff;
        this.organisations = organisations;
        this.numbers = numbers;
    }

    @WithTransaction
    public Uni<AidPrint> print(UUID id, Type type, AccessScope scope, Actor actor) {
        return applications.file(id, scope, actor).chain(f -> {
            LegalAidApplication a = f.application();
            DocumentKind kind = kind(a, type);
            Instant issuedAt = switch (kind) {
                case AID_GRANT, AID_REFUSAL -> a.decidedAt;
                case AID_MATERIALS -> materialsRequestedAt(f);
                case AID_ASSIGNMENT -> a.assignedAt;
                default -> throw new IllegalStateException(kind.name());
            };
            LocalDate issuedOn = LocalDate.ofInstant(issuedAt, TimeSource.CHINA);
            List<String> items = a.missingItems == null || a.missingItems.isBlank() ? List.of()
                    : Arrays.stream(a.missingItems.split("；")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            return applicantName(f, scope).chain(applicant -> organisations.find(a.centreId).chain(centre ->
                    bureau(kind, a).chain(bureau -> lawyer(kind, a).chain(lawyer -> provider(kind, a)
                            .chain(provider -> numbers.numberFor(kind, a.id, a.centreId, centre.name,
                                            issuedOn.getYear())
                                    .map(number -> new AidPrint(kind, a, applicant, centre.name,
                                            bureau == null ? null : bureau.name, lawyer, provider == null ? null
                                            : provider.name, items, issuedOn, number)))))));
        });
    }

    /** Which statutory document the request means for this application, or a 422 naming what is missing. */
    static DocumentKind kind(LegalAidApplication a, Type type) {
        return switch (type) {
            case DECISION -> {
                if (a.decidedAt != null && refused(a)) {
                    yield DocumentKind.AID_REFUSAL;
                }
                if (a.decidedAt != null && granted(a)) {
                    yield DocumentKind.AID_GRANT;
                }
                // e.g. a refusal the bureau ordered corrected is back under review: no decision stands
                throw DomainException.rule("本申请尚未作出给予或者不予法律援助的决定");
            }
            case MATERIALS -> {
                if (!a.materialsRequested || a.missingItems == null || a.missingItems.isBlank()) {
                    throw DomainException.rule("本申请没有发出补正材料通知");
                }
                yield DocumentKind.AID_MATERIALS;
            }
            case ASSIGNMENT -> {
                if (a.lawyerId == null || a.assignedAt == null) {
                    throw DomainException.rule("本申请尚未指派法律援助人员");
                }
                yield DocumentKind.AID_ASSIGNMENT;
            }
        };
    }

    /** 不予法律援助: refused, or refused and then objected to (the objection does not change the decision). */
    static boolean refused(LegalAidApplication a) {
        return a.status == ApplicationStatus.REFUSED
                || (a.status == ApplicationStatus.OBJECTION_FILED && a.statusBeforeObjection == ApplicationStatus.REFUSED);
    }

    /** 给予法律援助: granted, and since then assigned, in progress, closed or terminated (an objection to a termination too). */
    static boolean granted(LegalAidApplication a) {
        return switch (a.status) {
            case GRANTED, ASSIGNED, IN_PROGRESS, CLOSED, TERMINATED -> true;
            case OBJECTION_FILED -> a.statusBeforeObjection != ApplicationStatus.REFUSED;
            default -> false;
        };
    }

    private static Instant materialsRequestedAt(ApplicationFile f) {
        return f.timeline().stream().filter(s -> s.toStatus == ApplicationStatus.MATERIALS_REQUESTED)
                .map(s -> s.occurredAt).findFirst()
                .orElseGet(() -> f.application().materialsDueAt != null ? f.application().materialsDueAt
                        : f.application().createdAt);
    }

    private Uni<String> applicantName(ApplicationFile f, AccessScope scope) {
        if (f.person() != null) {
            return Uni.createFrom().item(f.person().name());
        }
        if (f.application().applicantId == null) {
            return Uni.createFrom().item("申请人");
        }
        boolean clear = scope.isResident() || ApplicationTransitions.handles(f.application(), scope);
        return profiles.realName(f.application().applicantId)
                .map(n -> n == null ? "申请人" : clear ? n : org.publiclegal.shared.crypto.Masking.name(n));
    }

    private Uni<Organisation> bureau(DocumentKind kind, LegalAidApplication a) {
        return kind == DocumentKind.AID_REFUSAL
                ? organisations.nearestCovering(OrganisationType.JUSTICE_BUREAU, a.regionCode)
                : Uni.createFrom().nullItem();
    }

    private Uni<String> lawyer(DocumentKind kind, LegalAidApplication a) {
        return kind == DocumentKind.AID_ASSIGNMENT
                ? staff.find(a.lawyerId).map(l -> l == null ? null : l.displayName())
                : Uni.createFrom().nullItem();
    }

    private Uni<Organisation> provider(DocumentKind kind, LegalAidApplication a) {
        return kind == DocumentKind.AID_ASSIGNMENT && a.providerOrgId != null
                ? organisations.find(a.providerOrgId)
                : Uni.createFrom().nullItem();
    }
}
