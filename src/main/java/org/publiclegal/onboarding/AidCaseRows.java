package org.publiclegal.onboarding;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.legalaid.AidHistoryService;
import org.publiclegal.legalaid.AidMatter;
import org.publiclegal.legalaid.AidServiceType;
import org.publiclegal.legalaid.CaseHistoryCommands;
import org.publiclegal.legalaid.CaseOutcome;
import org.publiclegal.legalaid.NoticeRegistration;
import org.publiclegal.mediation.CaseHistoryService;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.shared.validation.DateBounds;
import org.publiclegal.shared.validation.DatedSteps;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * 法律援助案件台账 rows: a matter of people of the importer's area, the person aided sealed, dated as the book says;
 * created through {@link AidHistoryService} as the record a 窗口 application and its handling make.
 */
@ApplicationScoped
public class AidCaseRows implements RowHandler<AidCaseRows.Row> {

    static final String RECEIVED = "收到申请日期";
    static final String REGION = "受援人所在区划代码";
    static final String NAME = "受援人姓名";
    static final String ID_NUMBER = "受援人身份证号";
    static final String MATTER = "事项类别";
    static final String SERVICE = "服务形式";
    static final String DECISION = "审查结果";
    static final String DECIDED = "决定日期";
    static final String REASON = "决定理由";
    static final String PROVIDER = "承办机构";
    static final String LAWYER = "承办人";
    static final String ASSIGNED = "指派日期";
    static final String CLOSED = "结案日期";
    static final String OUTCOME = "结案情况";
    static final String RECOVERED = "挽回经济损失（元）";
    static final String SUMMARY = "案情摘要";

    /** A checked row: the command, and the cells that make it the same row again. */
    public record Row(CaseHistoryCommands.ConcludedCase command, List<String> key) {
    }

    private final AidHistoryService history;
    private final NameLookups names;
    /** Each region's 法律援助中心 (or none), looked up once per pass of the file. */
    private final PerImport<Map<String, Optional<NameLookups.Named>>> centres = new PerImport<>(HashMap::new);

    public AidCaseRows(AidHistoryService history, NameLookups names) {
        this.history = history;
        this.names = names;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.AID_CASES;
    }

    @Override
    public Row parse(RowCheck row, ImportContext ctx) {
        LocalDate today = ctx.today();
        LocalDate received = row.date(RECEIVED, true, DateBounds.EARLIEST, today);
        String region = row.regionCode(REGION, true);
        String name = row.text(NAME, true, 50);
        String idNumber = row.text(ID_NUMBER, false, 40);
        AidMatter matter = row.choice(MATTER, true, ConsultationRows.MATTERS);
        AidServiceType service = row.choice(SERVICE, true, HistoryRules.SERVICE_TYPES);
        CaseHistoryCommands.Decision decision = row.choice(DECISION, true, HistoryRules.DECISIONS);
        LocalDate decided = row.date(DECIDED, true, DateBounds.EARLIEST, today);
        String reason = row.text(REASON, false, 500);
        String providerName = row.text(PROVIDER, false, 100);
        String lawyerName = row.text(LAWYER, false, 50);
        LocalDate assigned = row.date(ASSIGNED, false, DateBounds.EARLIEST, today);
        LocalDate closed = row.date(CLOSED, false, DateBounds.EARLIEST, today);
        CaseOutcome outcome = row.choice(OUTCOME, false, HistoryRules.OUTCOMES);
        String amountText = row.text(RECOVERED, false, 30);
        String summary = row.text(SUMMARY, false, 1000);

        if (idNumber != null && !CaseHistoryService.acceptableIdNumber(idNumber)) {
            row.fail(ID_NUMBER, "身份证号码无效（可为 18 位号码或台账中已脱敏的写法）");
        }
        boolean regionOk = false;
        NameLookups.Named centre = null;
        if (region != null) {
            if (!ctx.scope().covers(region)) {
                row.fail(REGION, "受援人所在地须在本单位服务区域内");
            } else if (!ctx.regionKnown(region)) {
                row.fail(REGION, "行政区划 " + region + " 未登记");
            } else {
                centre = centreAccepting(row, region, ctx);
                regionOk = centre != null;
            }
        }
        BigDecimal recovered = null;
        if (amountText != null) {
            recovered = HistoryRules.yuan(amountText);
            if (recovered == null) {
                row.fail(RECOVERED, "应为 0 至 100 亿之间的金额（元），最多两位小数：" + amountText);
            } else if (row.raw(CLOSED) == null) {
                row.fail(RECOVERED, "挽回经济损失只在结案时填写");
            }
        }
        if (decision == CaseHistoryCommands.Decision.GRANTED) {
            if (providerName == null && row.raw(PROVIDER) == null) {
                row.fail(PROVIDER, "给予法律援助的案件请填写承办机构");
            }
            if (row.raw(ASSIGNED) == null) {
                row.fail(ASSIGNED, "给予法律援助的案件请填写指派日期");
            }
        } else if (decision == CaseHistoryCommands.Decision.REFUSED) {
            for (String column : List.of(PROVIDER, LAWYER, ASSIGNED, CLOSED, OUTCOME, RECOVERED)) {
                if (row.raw(column) != null) {
                    row.fail(column, "不予法律援助的案件不填写" + column);
                }
            }
        }
        if (row.raw(CLOSED) != null && row.raw(OUTCOME) == null) {
            row.fail(OUTCOME, "已结案的案件请填写结案情况");
        } else if (row.raw(CLOSED) == null && row.raw(OUTCOME) != null && decision != CaseHistoryCommands.Decision.REFUSED) {
            row.fail(CLOSED, "填写结案情况的案件请填写结案日期");
        }
        UUID providerId = null;
        UUID lawyerId = null;
        if (providerName != null && regionOk && decision == CaseHistoryCommands.Decision.GRANTED) {
            String county = region.substring(0, 6) + "000000";
            List<NameLookups.Named> found = names.organisations(county, providerName,
                    Set.of(OrganisationType.LAW_FIRM, OrganisationType.LEGAL_AID_CENTRE));
            if (found.size() != 1) {
                row.fail(PROVIDER, found.isEmpty() ? "承办机构“" + providerName + "”不是本县已登记的律师事务所或法律援助中心"
                        : "有多个名为“" + providerName + "”的机构");
            } else if (found.get(0).type() == OrganisationType.LEGAL_AID_CENTRE && !found.get(0).id().equals(centre.id())) {
                row.fail(PROVIDER, "承办机构须为受理该事项的法律援助中心或本县的律师事务所");
            } else {
                providerId = found.get(0).id();
                if (lawyerName != null) {
                    List<UUID> ids = names.staff(providerId, lawyerName, Roles.LAWYER);
                    if (ids.size() != 1) {
                        row.fail(LAWYER, ids.isEmpty() ? "“" + lawyerName + "”不是该承办机构已登记的律师"
                                : "该承办机构有多名律师叫“" + lawyerName + "”");
                    } else {
                        lawyerId = ids.get(0);
                    }
                }
            }
        }
        CaseHistoryCommands.ConcludedCase c = new CaseHistoryCommands.ConcludedCase(received, region,
                new NoticeRegistration.NotifiedPerson(name, null, idNumber == null ? null : idNumber.toUpperCase(), null),
                matter, service, summary, decision, decided, reason, providerId, lawyerId, assigned, closed, outcome,
                recovered);
        for (DatedSteps.Problem p : DatedSteps.problems(AidHistoryService.dates(c), today)) {
            row.fail(p.label(), p.message());
        }
        if (!row.ok()) {
            return null;
        }
        List<String> key = List.of(received.toString(), region, name, nz(idNumber), matter.name(), service.name(),
                decision.name(), decided.toString(), nz(reason), nz(providerName), nz(lawyerName),
                assigned == null ? "" : assigned.toString(), closed == null ? "" : closed.toString(),
                outcome == null ? "" : outcome.name(), recovered == null ? "" : recovered.toPlainString(), nz(summary));
        return new Row(c, key);
    }

    /**
     * The region's 法律援助中心, when it takes the row: there is one, and for an officer of a centre it is their own
     * (the service refuses another centre's matter when the batch is written; the dry run says so first, with the
     * row); null (and the row's problem recorded) otherwise.
     */
    private NameLookups.Named centreAccepting(RowCheck row, String region, ImportContext ctx) {
        Optional<NameLookups.Named> centre = centres.of(ctx).computeIfAbsent(region,
                r -> Optional.ofNullable(names.nearestCovering(OrganisationType.LEGAL_AID_CENTRE, r)));
        if (centre.isEmpty()) {
            row.fail(REGION, "该地区尚未设立法律援助中心");
            return null;
        }
        boolean bureau = ctx.scope().hasRole(Roles.BUREAU_ADMIN) || ctx.scope().isSystemAdmin();
        if (!bureau && !centre.get().id().equals(ctx.scope().organisationId())) {
            row.fail(REGION, "该事项不属于本法律援助中心受理的区域");
            return null;
        }
        return centre.get();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public List<String> keyParts(Row r) {
        return r.key();
    }

    @Override
    public LocalDate datedOn(Row row) {
        return row.command().receivedOn();
    }

    @Override
    public String regionOf(Row row) {
        return row.command().regionCode();
    }

    @Override
    public String recordType() {
        return "aid_application";
    }

    @Override
    public Uni<String> apply(Row r, int rowNo, ImportContext ctx) {
        return history.recordCase(r.command(), ctx.scope(), ctx.actor()).map(UUID::toString);
    }

    /** The batch through {@link AidHistoryService#recordCases}: the same records and ledger events as row by row, in a few statements. */
    @Override
    public Uni<List<String>> applyAll(List<Numbered<Row>> rows, ImportContext ctx) {
        return history.recordCases(rows.stream().map(n -> n.row().command()).toList(), ctx.scope(), ctx.actor())
                .map(ids -> ids.stream().map(UUID::toString).toList());
    }
}
