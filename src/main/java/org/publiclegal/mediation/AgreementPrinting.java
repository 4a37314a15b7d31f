package org.publiclegal.mediation;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.identity.StaffService;
import org.publiclegal.mediation.DisputeQueries.DisputeFile;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.documents.DocumentKind;
import org.publiclegal.shared.documents.DocumentNumbers;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.security.AccessScope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the printed 人民调解协议书 needs beyond the case file: the committee's full name, the mediators' names and the
 * 字号. An agreement in force gets its number on the first print (the year of its 生效日期) and keeps it; a draft is
 * printed without a number.
 */
@ApplicationScoped
public class AgreementPrinting {

    /** The case file with what the document prints around it. {@code number} is null for a draft. */
    public record AgreementPrint(DisputeFile file, String committeeName, String committeeAddress,
                                 List<String> mediatorNames, String number) {
    }

    private final DisputeQueries queries;
    private final OrganisationService organisations;
    private final StaffService staff;
    private final DocumentNumbers numbers;

    public AgreementPrinting(DisputeQueries queries, OrganisationService organisations, StaffService staff,
                             DocumentNumbers numbers) {
        this.queries = queries;
        this.organisations = organisations;
        this.staff = staff;
        this.numbers = numbers;
    }

    /** The agreement to print, scoped and audited as the case file is. */
    @WithTransaction
    public Uni<AgreementPrint> print(UUID disputeId, AccessScope scope, Actor actor) {
        return queries.file(disputeId, scope, actor).chain(f -> {
            if (f.agreement() == null) {
                throw DomainException.rule("本案尚未起草调解协议");
            }
            if (f.agreement().form() == Agreement.Form.ORAL) {
                throw DomainException.rule("本案为口头协议（人民调解法第二十八条），没有协议书；协议内容见案件详情");
            }
            return organisations.find(f.dispute().committeeId).chain(committee -> names(f.mediators(), 0,
                    new ArrayList<>()).chain(mediators -> number(f, committee).map(number -> new AgreementPrint(f,
                    committee == null ? "人民调解委员会" : committee.name, committee == null ? null : committee.address,
                    mediators, number))));
        });
    }

    private Uni<String> number(DisputeFile f, Organisation committee) {
        if (f.agreement().effectiveAt() == null || committee == null) {
            return Uni.createFrom().nullItem();
        }
        int year = LocalDate.ofInstant(f.agreement().effectiveAt(), TimeSource.CHINA).getYear();
        return numbers.numberFor(DocumentKind.MEDIATION_AGREEMENT, f.dispute().id, committee.id, committee.name, year);
    }

    /** One at a time: a reactive session runs one query after another. */
    private Uni<List<String>> names(List<UUID> ids, int i, List<String> acc) {
        if (i >= ids.size()) {
            return Uni.createFrom().item(acc);
        }
        return staff.find(ids.get(i)).chain(ref -> {
            if (ref != null) {
                acc.add(ref.displayName());
            }
            return names(ids, i + 1, acc);
        });
    }
}
