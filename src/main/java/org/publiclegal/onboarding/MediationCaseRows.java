package org.publiclegal.onboarding;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.mediation.Agreement;
import org.publiclegal.mediation.CaseHistoryService;
import org.publiclegal.mediation.DisputeType;
import org.publiclegal.mediation.HistoryCommands;
import org.publiclegal.mediation.JudicialConfirmation;
import org.publiclegal.mediation.Party;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.shared.validation.DateBounds;
import org.publiclegal.shared.validation.DatedSteps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 人民调解案件台账 rows: a concluded case of a registered committee of the importer's area, its parties sealed, dated
 * as the book says; created through {@link CaseHistoryService} as the record a mediator's 登记纠纷 and its outcome make.
 */
@ApplicationScoped
public class MediationCaseRows implements RowHandler<MediationCaseRows.Row> {

    static final String RECEIVED = "受理日期";
    static final String VILLAGE = "纠纷发生地区划代码";
    static final String COMMITTEE = "调委会名称";
    static final String SOURCE = "案件来源";
    static final String SENDER = "移送单位";
    static final String COURT = "法院名称";
    static final String CASE_NUMBER = "法院案号";
    static final String TYPE = "纠纷类型";
    static final String FACTS = "纠纷简要情况";
    static final String APPLICANT = "申请人";
    static final String APPLICANT_ID = "申请人身份证号";
    static final String RESPONDENT = "被申请人";
    static final String RESPONDENT_ID = "被申请人身份证号";
    static final String MEDIATORS = "调解员";
    static final String RESULT = "调解结果";
    static final String FORM = "协议形式";
    static final String CONCLUDED = "结案日期";
    static final String JC_APPLIED = "司法确认申请日期";
    static final String JC_RESULT = "司法确认结果";
    static final String JC_RULED = "司法确认裁定日期";

    /** A checked row: the command, and the cells that make it the same row again. */
    public record Row(HistoryCommands.ConcludedCase command, List<String> key) {
    }

    private final CaseHistoryService history;
    private final NameLookups names;
    /** The court case numbers met so far in this pass of the file, with the row that had each. */
    private final PerImport<Map<String, Seen>> caseNumbers = new PerImport<>(HashMap::new);

    /** Where a case number was first met: its row number and the row's key. */
    private record Seen(int rowNo, List<String> key) {
    }

    public MediationCaseRows(CaseHistoryService history, NameLookups names) {
        this.history = history;
        this.names = names;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.MEDIATION_CASES;
    }

    @Override
    public Row parse(RowCheck row, ImportContext ctx) {
        LocalDate today = ctx.today();
        LocalDate received = row.date(RECEIVED, true, DateBounds.EARLIEST, today);
        String village = row.regionCode(VILLAGE, true);
        String committeeName = row.text(COMMITTEE, true, 100);
        HistoryRules.SourceLabel source = row.choice(SOURCE, true, HistoryRules.SOURCES);
        String sender = row.text(SENDER, false, 100);
        String courtName = row.text(COURT, false, 100);
        String caseNumber = row.text(CASE_NUMBER, false, 64);
        DisputeType type = row.choice(TYPE, true, HistoryRules.DISPUTE_TYPES);
        String facts = row.text(FACTS, false, 1000);
        List<HistoryCommands.HistoricParty> applicants = parties(row, APPLICANT, APPLICANT_ID, Party.Role.APPLICANT);
        List<HistoryCommands.HistoricParty> respondents = parties(row, RESPONDENT, RESPONDENT_ID, Party.Role.RESPONDENT);
        String mediatorCell = row.text(MEDIATORS, false, 200);
        HistoryCommands.Outcome result = row.choice(RESULT, true, HistoryRules.RESULTS);
        Agreement.Form form = row.choice(FORM, false, HistoryRules.AGREEMENT_FORMS);
        LocalDate concluded = row.date(CONCLUDED, true, DateBounds.EARLIEST, today);
        LocalDate jcApplied = row.date(JC_APPLIED, false, DateBounds.EARLIEST, today);
        JudicialConfirmation.Ruling ruling = row.choice(JC_RESULT, false, HistoryRules.RULINGS);
        LocalDate jcRuled = row.date(JC_RULED, false, DateBounds.EARLIEST, today);

        boolean villageOk = false;
        if (village != null) {
            if (RegionCodes.levelOf(village) != RegionCodes.Level.VILLAGE) {
                row.fail(VILLAGE, "纠纷发生地须为村（社区）");
            } else if (!ctx.scope().covers(village)) {
                row.fail(VILLAGE, "纠纷发生地须在本单位服务区域内");
            } else if (!ctx.regionKnown(village)) {
                row.fail(VILLAGE, "行政区划 " + village + " 未登记");
            } else {
                villageOk = true;
            }
        }
        UUID committeeId = null;
        if (villageOk && committeeName != null) {
            String v = village;
            List<NameLookups.Named> found = names.organisations(ctx.scopeRoot(), committeeName,
                    Set.of(OrganisationType.MEDIATION_COMMITTEE)).stream()
                    .filter(o -> RegionCodes.within(v, o.regionCode())).toList();
            if (found.isEmpty()) {
                row.fail(COMMITTEE, "人民调解委员会“" + committeeName + "”未登记，或不在本单位服务区域内，或不服务纠纷发生地");
            } else if (found.size() > 1) {
                row.fail(COMMITTEE, "有多个名为“" + committeeName + "”的人民调解委员会，请核对名称");
            } else if (mediatorOnly(ctx) && !found.get(0).id().equals(ctx.scope().organisationId())) {
                row.fail(COMMITTEE, "调解员只能导入本调委会的案件");
            } else {
                committeeId = found.get(0).id();
            }
        }
        if (source != null) {
            if (source.source().transferred() && sender == null) {
                row.fail(SENDER, "移送的案件请填写移送单位");
            } else if (!source.source().transferred() && sender != null) {
                row.fail(SENDER, "只有移送的案件填写移送单位");
            }
        }
        if (source != null) {
            if (source.source().fromCourt() && caseNumber == null && row.raw(CASE_NUMBER) == null) {
                row.fail(CASE_NUMBER, "诉前委派、委托调解的案件请填写法院案号");
            } else if (!source.source().fromCourt() && caseNumber != null) {
                row.fail(CASE_NUMBER, "只有诉前委派、委托调解的案件填写法院案号");
            }
        }
        UUID courtId = null;
        boolean courtNeeded = (source != null && source.source().fromCourt()) || jcApplied != null;
        if (courtNeeded && courtName == null) {
            row.fail(COURT, "诉前委派、委托调解和申请司法确认的案件请填写法院名称");
        } else if (!courtNeeded && courtName != null) {
            row.fail(COURT, "只有诉前委派、委托调解或申请司法确认的案件填写法院名称");
        } else if (courtName != null && villageOk) {
            String county = village.substring(0, 6) + "000000";
            List<NameLookups.Named> courts = names.organisations(county, courtName, Set.of(OrganisationType.COURT));
            if (courts.size() != 1) {
                row.fail(COURT, courts.isEmpty() ? "人民法院“" + courtName + "”未登记" : "有多个名为“" + courtName + "”的法院");
            } else {
                courtId = courts.get(0).id();
            }
        }
        List<UUID> mediatorIds = new ArrayList<>();
        List<String> mediatorNames = HistoryRules.names(mediatorCell);
        if (committeeId != null) {
            for (String name : mediatorNames) {
                List<UUID> ids = names.staff(committeeId, name, Roles.MEDIATOR);
                if (ids.size() != 1) {
                    row.fail(MEDIATORS, ids.isEmpty() ? "“" + name + "”不是本调委会已登记的调解员"
                            : "本调委会有多名调解员叫“" + name + "”");
                } else {
                    mediatorIds.add(ids.get(0));
                }
            }
        }
        if (result != null) {
            boolean succeeded = result == HistoryCommands.Outcome.SUCCEEDED;
            if (succeeded && form == null && row.raw(FORM) == null) {
                row.fail(FORM, "调解成功的案件请填写协议形式（书面或口头）");
            } else if (!succeeded && form != null) {
                row.fail(FORM, "只有调解成功的案件填写协议形式");
            }
            if (!succeeded && jcApplied != null) {
                row.fail(JC_APPLIED, "只有调解成功的案件可以申请司法确认");
            }
        }
        if (ruling != null && jcApplied == null) {
            row.fail(JC_RESULT, "有裁定结果的案件请填写司法确认申请日期");
        }
        boolean resultGiven = row.raw(JC_RESULT) != null;
        if (resultGiven != (row.raw(JC_RULED) != null)) {
            row.fail(resultGiven ? JC_RULED : JC_RESULT, "司法确认裁定请同时填写裁定结果和裁定日期");
        }
        HistoryCommands.HistoricParty firstApplicant = applicants.isEmpty() ? null : applicants.get(0);
        List<HistoryCommands.HistoricParty> all = new ArrayList<>(applicants);
        all.addAll(respondents);
        HistoryCommands.ConcludedCase c = new HistoryCommands.ConcludedCase(
                source == null ? null : source.source().origin(), source == null ? null : source.source().channel(),
                source == null ? null : source.source().sender(), sender,
                source == null ? null : source.source().referralType(), source != null && source.source().fromCourt()
                ? courtId : null, source != null && source.source().fromCourt() ? caseNumber : null, received, type, facts, village, committeeId, mediatorIds, all, result, form, concluded,
                null, jcApplied == null ? null : courtId, jcApplied, ruling, jcRuled);
        for (DatedSteps.Problem p : DatedSteps.problems(CaseHistoryService.dates(c), today)) {
            row.fail(p.label(), p.message());
        }
        if (!row.ok() || firstApplicant == null || respondents.isEmpty()) {
            return null;
        }
        List<String> key = List.of(received.toString(), village, committeeName, source.name(), type.name(),
                facts == null ? "" : facts, row.raw(APPLICANT), nz(row.raw(APPLICANT_ID)), row.raw(RESPONDENT),
                nz(row.raw(RESPONDENT_ID)), String.join("、", mediatorNames), result.name(),
                form == null ? "" : form.name(), concluded.toString(), jcApplied == null ? "" : jcApplied.toString(),
                ruling == null ? "" : ruling.name(), jcRuled == null ? "" : jcRuled.toString(), nz(sender),
                nz(courtName), nz(caseNumber));
        if (c.courtCaseNumber() != null && courtId != null && names.courtCaseTaken(courtId, c.courtCaseNumber())
                && !ctx.imported(RowKey.of(ImportKind.MEDIATION_CASES, key))) {
            row.fail(CASE_NUMBER, courtName + "的案号 " + c.courtCaseNumber() + " 已经登记");
            return null;
        }
        if (c.courtCaseNumber() != null && courtId != null) {
            // a court's case number is one dispute: the same number on another row of the file is refused here, in
            // the dry run, not when the batch is written (an identical row is left to the runner's repeat check)
            Seen first = caseNumbers.of(ctx).putIfAbsent(courtId + " " + c.courtCaseNumber(), new Seen(row.rowNo(), key));
            if (first != null && !first.key().equals(key)) {
                row.fail(CASE_NUMBER, "与第 " + first.rowNo() + " 行的法院案号相同（同一法院的案号只对应一件纠纷）");
                return null;
            }
        }
        return new Row(c, key);
    }

    /** Whether the importer is a mediator (of one committee) rather than a 司法所 or 司法局. */
    private static boolean mediatorOnly(ImportContext ctx) {
        return ctx.scope().hasRole(Roles.MEDIATOR) && !ctx.scope().hasRole(Roles.JUDICIAL_OFFICE)
                && !ctx.scope().hasRole(Roles.BUREAU_ADMIN) && !ctx.scope().isSystemAdmin();
    }

    /** The parties of one side: names (possibly masked) and, when the book has them, one ID number per name. */
    private static List<HistoryCommands.HistoricParty> parties(RowCheck row, String nameColumn, String idColumn,
                                                               Party.Role role) {
        String nameCell = row.text(nameColumn, true, 200);
        String idCell = row.text(idColumn, false, 200);
        List<String> partyNames = HistoryRules.names(nameCell);
        List<String> ids = HistoryRules.names(idCell);
        List<HistoryCommands.HistoricParty> out = new ArrayList<>();
        if (partyNames.isEmpty()) {
            return out;
        }
        if (!ids.isEmpty() && ids.size() != partyNames.size()) {
            row.fail(idColumn, "身份证号个数（" + ids.size() + "）应与" + nameColumn + "人数（" + partyNames.size() + "）一致");
            return out;
        }
        for (int i = 0; i < partyNames.size(); i++) {
            String name = partyNames.get(i);
            if (name.length() > 50) {
                row.fail(nameColumn, "每个姓名或名称最多 50 字");
                continue;
            }
            String id = ids.isEmpty() ? null : ids.get(i);
            if (id != null && !CaseHistoryService.acceptableIdNumber(id)) {
                row.fail(idColumn, "身份证号码无效：第 " + (i + 1) + " 个");
                continue;
            }
            out.add(new HistoryCommands.HistoricParty(role, HistoryRules.partyKind(name), name, id));
        }
        return out;
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
        return row.command().villageCode();
    }

    @Override
    public String recordType() {
        return "med_dispute";
    }

    @Override
    public Uni<String> apply(Row r, int rowNo, ImportContext ctx) {
        return history.recordConcluded(r.command(), ctx.scope(), ctx.actor()).map(UUID::toString);
    }

    /** The batch through {@link CaseHistoryService#recordAllConcluded}: the same records and ledger events as row by row, in a few statements. */
    @Override
    public Uni<List<String>> applyAll(List<Numbered<Row>> rows, ImportContext ctx) {
        return history.recordAllConcluded(rows.stream().map(n -> n.row().command()).toList(), ctx.scope(), ctx.actor())
                .map(ids -> ids.stream().map(UUID::toString).toList());
    }
}
