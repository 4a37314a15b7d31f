package org.publiclegal.onboarding;

import org.junit.jupiter.api.Test;
import org.publiclegal.legalaid.AidServiceType;
import org.publiclegal.legalaid.CaseHistoryCommands;
import org.publiclegal.legalaid.CaseOutcome;
import org.publiclegal.mediation.Agreement;
import org.publiclegal.mediation.CaseHistoryService;
import org.publiclegal.mediation.Dispute;
import org.publiclegal.mediation.DisputeType;
import org.publiclegal.mediation.HistoryCommands;
import org.publiclegal.mediation.JudicialConfirmation;
import org.publiclegal.mediation.Party;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.shared.validation.DatedSteps;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of the 人民调解案件台账 and 法律援助案件台账 rows: dates in order, required columns, amounts, labels; boundaries named. */
class HistoryRowsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final String COUNTY = "532932000000";
    private static final String TOWNSHIP = "532932101000";
    private static final String VILLAGE = "532932101001";
    private static final String OTHER_TOWNSHIP_VILLAGE = "532932102001";
    private static final UUID COMMITTEE = UUID.randomUUID();
    private static final UUID COURT = UUID.randomUUID();
    private static final UUID FIRM = UUID.randomUUID();
    private static final UUID MEDIATOR = UUID.randomUUID();
    private static final UUID LAWYER = UUID.randomUUID();
    /** The county's 法律援助中心, whose officers import its 台账 in these tests. */
    private static final UUID CENTRE = UUID.randomUUID();
    /** A second centre registered in the county, whose area the test villages are not. */
    private static final UUID OTHER_CENTRE = UUID.randomUUID();
    /** A valid 身份证号 (the standard's example). */
    private static final String ID = "11010519491231002X";

    /** The registers as the look-ups see them: one committee, court, law firm, mediator and lawyer. */
    private static final NameLookups REGISTERS = new NameLookups() {
        @Override
        public List<Named> organisations(String root, String name, Set<OrganisationType> types) {
            Map<String, Named> all = Map.of(
                    "城关村人民调解委员会", new Named(COMMITTEE, OrganisationType.MEDIATION_COMMITTEE, VILLAGE),
                    "鹤庆县人民法院", new Named(COURT, OrganisationType.COURT, COUNTY),
                    "云南鹤阳律师事务所", new Named(FIRM, OrganisationType.LAW_FIRM, COUNTY),
                    "鹤庆县法律援助中心", new Named(CENTRE, OrganisationType.LEGAL_AID_CENTRE, COUNTY),
                    "鹤庆县第二法律援助中心", new Named(OTHER_CENTRE, OrganisationType.LEGAL_AID_CENTRE, COUNTY));
            Named n = all.get(name);
            return n != null && types.contains(n.type()) && n.regionCode().startsWith(root.replaceAll("0+$", ""))
                    ? List.of(n) : List.of();
        }

        @Override
        public List<UUID> staff(UUID organisationId, String name, String role) {
            if (organisationId.equals(COMMITTEE) && name.equals("王五") && role.equals(Roles.MEDIATOR)) {
                return List.of(MEDIATOR);
            }
            if (organisationId.equals(FIRM) && name.equals("赵律师") && role.equals(Roles.LAWYER)) {
                return List.of(LAWYER);
            }
            return List.of();
        }

        @Override
        public Named nearestCovering(OrganisationType type, String regionCode) {
            return type == OrganisationType.LEGAL_AID_CENTRE && regionCode.startsWith("532932")
                    ? new Named(CENTRE, type, COUNTY) : null;
        }

        @Override
        public LocalDate regionValidFrom(String code) {
            return LocalDate.of(2000, 1, 1);
        }

        @Override
        public boolean courtCaseTaken(UUID courtId, String caseNumber) {
            return courtId.equals(COURT) && caseNumber.equals("(2025)云2932民诉前调1号");
        }
    };

    private static ImportContext context(ImportKind kind, String role, String root) {
        return context(kind, role, root, role.equals(Roles.AID_OFFICER) ? CENTRE : UUID.randomUUID());
    }

    private static ImportContext context(ImportKind kind, String role, String root, UUID organisationId) {
        AccessScope scope = new AccessScope(UUID.randomUUID(), Set.of(role), organisationId, root);
        return new ImportContext(UUID.randomUUID(), kind, scope, new Actor(scope.accountId(), role, null), TODAY,
                Set.of(COUNTY, TOWNSHIP, VILLAGE, OTHER_TOWNSHIP_VILLAGE), Map.of(), new ImportContext.Lookups() {
            @Override
            public boolean usernameTaken(String username) {
                return false;
            }

            @Override
            public boolean imported(ImportKind k, String key) {
                return false;
            }

            @Override
            public boolean periodClosed(String regionCode, LocalDate day) {
                return false;
            }
        });
    }

    // --- the order of dates

    @Test
    void datesInOrderWithEqualNeighboursAndGapsPass() {
        List<DatedSteps.Step> steps = List.of(DatedSteps.step("a", "受理日期", LocalDate.of(2026, 3, 5)),
                DatedSteps.step("b", "结案日期", LocalDate.of(2026, 3, 5)), DatedSteps.step("c", "申请日期", null),
                DatedSteps.step("d", "裁定日期", TODAY));
        assertEquals(List.of(), DatedSteps.problems(steps, TODAY));
    }

    @Test
    void aDateOneDayBeforeThePreviousGivenDateIsRefusedAcrossAGap() {
        List<DatedSteps.Step> steps = List.of(DatedSteps.step("a", "受理日期", LocalDate.of(2026, 3, 5)),
                DatedSteps.step("b", "结案日期", null), DatedSteps.step("c", "申请日期", LocalDate.of(2026, 3, 4)));
        List<DatedSteps.Problem> problems = DatedSteps.problems(steps, TODAY);
        assertEquals(1, problems.size());
        assertEquals("申请日期", problems.get(0).label());
        assertEquals("申请日期（2026-03-04）不能早于受理日期（2026-03-05）", problems.get(0).message());
    }

    @Test
    void todayAndTwoThousandJanuaryFirstAreTheBounds() {
        assertEquals(List.of(), DatedSteps.problems(List.of(DatedSteps.step("a", "甲", LocalDate.of(2000, 1, 1)),
                DatedSteps.step("b", "乙", TODAY)), TODAY));
        assertEquals("甲不能早于 2000-01-01", DatedSteps.problems(List.of(DatedSteps.step("a", "甲",
                LocalDate.of(1999, 12, 31))), TODAY).get(0).message());
        assertEquals("乙不能晚于今天（2026-12-02）", DatedSteps.problems(List.of(DatedSteps.step("b", "乙",
                TODAY.plusDays(1))), TODAY).get(0).message());
    }

    // --- cells: amounts, names, parties, ID numbers

    @Test
    void readsAmountsInYuanWithAtMostTwoDecimals() {
        assertEquals(new BigDecimal("0.00"), HistoryRules.yuan("0"));
        assertEquals(new BigDecimal("18600.00"), HistoryRules.yuan("18600"));
        assertEquals(new BigDecimal("18600.50"), HistoryRules.yuan("18,600.50"));
        assertEquals(new BigDecimal("18600.50"), HistoryRules.yuan("¥18600.5"));
        assertEquals(new BigDecimal("18600.00"), HistoryRules.yuan("18600元"));
        assertEquals(new BigDecimal("10000000000.00"), HistoryRules.yuan("10000000000"));
        assertNull(HistoryRules.yuan("10000000000.01"));
        assertNull(HistoryRules.yuan("18600.505"));
        assertNull(HistoryRules.yuan("-1"));
        assertNull(HistoryRules.yuan("1e5"));
        assertNull(HistoryRules.yuan("一万"));
        assertNull(HistoryRules.yuan(null));
    }

    @Test
    void splitsNamesAndTellsOrganisationsFromPersons() {
        assertEquals(List.of("张三", "李四", "王五"), HistoryRules.names(" 张三、李四，王五 "));
        assertEquals(List.of(), HistoryRules.names(null));
        assertEquals(List.of("张三", "李四"), HistoryRules.names("、张三、、李四"), "a leading separator leaves no empty name");
        assertEquals(Party.Kind.PERSON, HistoryRules.partyKind("张*"));
        assertEquals(Party.Kind.ORGANISATION, HistoryRules.partyKind("鹤庆县某建筑有限公司"));
        assertEquals(Party.Kind.ORGANISATION, HistoryRules.partyKind("城关砖厂"));
        assertEquals(Party.Kind.PERSON, HistoryRules.partyKind("公司"), "a name of three characters or fewer is a person");
        assertEquals(Party.Kind.PERSON, HistoryRules.partyKind("高中心"));
    }

    @Test
    void acceptsFullOrMaskedIdNumbersOfEighteenCharacters() {
        assertTrue(CaseHistoryService.acceptableIdNumber(null));
        assertTrue(CaseHistoryService.acceptableIdNumber(" "));
        assertTrue(CaseHistoryService.acceptableIdNumber(ID));
        assertTrue(CaseHistoryService.acceptableIdNumber("532932********1234"));
        assertTrue(CaseHistoryService.acceptableIdNumber("532932**********1x"));
        assertFalse(CaseHistoryService.acceptableIdNumber("532932*******1234"), "17 characters");
        assertFalse(CaseHistoryService.acceptableIdNumber("532932********12345"), "19 characters");
        assertFalse(CaseHistoryService.acceptableIdNumber("532932****AB**1234"));
        assertFalse(CaseHistoryService.acceptableIdNumber("110105194912310021"), "wrong check digit");
    }

    @Test
    void labelsAreTheTemplatesWords() {
        assertEquals(Dispute.ReferralType.DELEGATED, HistoryRules.SOURCES.get("诉前委派").source().referralType());
        assertEquals(Dispute.IntakeChannel.PHONE, HistoryRules.SOURCES.get("来电").source().channel());
        assertEquals(Dispute.Sender.POLICE_STATION, HistoryRules.SOURCES.get("派出所移送").source().sender());
        assertEquals(Dispute.Origin.APPLIED, HistoryRules.SOURCES.get("当事人申请").source().origin());
        assertEquals(HistoryCommands.Outcome.FAILED, HistoryRules.RESULTS.get("终止调解"));
        assertEquals(AidServiceType.DUTY_LAWYER_HELP, HistoryRules.SERVICE_TYPES.get("值班律师法律帮助"));
        for (ImportKind kind : List.of(ImportKind.MEDIATION_CASES, ImportKind.AID_CASES)) {
            assertTrue(kind.isHistory());
            assertEquals(kind.columns().size(), kind.example().size(), kind + " example fills every column");
        }
    }

    // --- 人民调解案件台账

    private static Map<String, String> mediationRow() {
        Map<String, String> cells = new LinkedHashMap<>();
        List<ImportKind.Column> columns = ImportKind.MEDIATION_CASES.columns();
        List<String> example = List.of("2026-03-05", VILLAGE, "城关村人民调解委员会", "来访", "", "", "", "邻里纠纷", "宅基地边界",
                "张*、张二", "532932********1234、" + ID, "李*", "", "王五", "调解成功", "书面", "2026-03-12",
                "2026-03-20", "确认有效", "2026-04-01");
        for (int i = 0; i < columns.size(); i++) {
            cells.put(columns.get(i).header(), example.get(i));
        }
        cells.put("法院名称", "鹤庆县人民法院");
        return cells;
    }

    private static RowCheck check(Map<String, String> cells) {
        return new RowCheck(2, cells);
    }

    private static MediationCaseRows mediationRows() {
        return new MediationCaseRows(null, REGISTERS);
    }

    @Test
    void aGoodMediationRowBecomesItsCommandWithEveryDateAndName() {
        RowCheck row = check(mediationRow());
        MediationCaseRows.Row r = mediationRows().parse(row, context(ImportKind.MEDIATION_CASES, Roles.JUDICIAL_OFFICE, TOWNSHIP));
        assertEquals(List.of(), row.errors());
        HistoryCommands.ConcludedCase c = r.command();
        assertEquals(Dispute.Origin.APPLIED, c.origin());
        assertEquals(Dispute.IntakeChannel.VISIT, c.intakeChannel());
        assertEquals(LocalDate.of(2026, 3, 5), c.receivedOn());
        assertEquals(LocalDate.of(2026, 3, 12), c.concludedOn());
        assertEquals(COMMITTEE, c.committeeId());
        assertEquals(List.of(MEDIATOR), c.mediatorIds());
        assertEquals(DisputeType.NEIGHBOUR, c.disputeType());
        assertEquals(HistoryCommands.Outcome.SUCCEEDED, c.outcome());
        assertEquals(Agreement.Form.PAPER, c.agreementForm());
        assertEquals(COURT, c.judicialCourtId());
        assertNull(c.courtId(), "a 来访 case has no referring court");
        assertEquals(JudicialConfirmation.Ruling.CONFIRMED, c.judicialRuling());
        assertEquals(3, c.parties().size());
        assertEquals(Party.Role.APPLICANT, c.parties().get(1).role());
        assertEquals(ID, c.parties().get(1).idNumber());
        assertEquals(Party.Role.RESPONDENT, c.parties().get(2).role());
        assertNull(c.parties().get(2).idNumber());
        assertEquals(VILLAGE, mediationRows().regionOf(r));
        assertEquals(c.receivedOn(), mediationRows().datedOn(r));
    }

    @Test
    void concludedTheDayBeforeItWasReceivedIsRefusedAndTheSameDayPasses() {
        Map<String, String> cells = mediationRow();
        cells.put("结案日期", "2026-03-04");
        cells.put("司法确认申请日期", "");
        cells.put("司法确认结果", "");
        cells.put("司法确认裁定日期", "");
        cells.put("法院名称", "");
        RowCheck row = check(cells);
        assertNull(mediationRows().parse(row, context(ImportKind.MEDIATION_CASES, Roles.JUDICIAL_OFFICE, TOWNSHIP)));
        assertEquals(List.of(new RowError(2, "结案日期", "结案日期（2026-03-04）不能早于受理日期（2026-03-05）")), row.errors());
        cells.put("结案日期", "2026-03-05");
        RowCheck same = check(cells);
        assertNotNull(mediationRows().parse(same, context(ImportKind.MEDIATION_CASES, Roles.JUDICIAL_OFFICE, TOWNSHIP)));
    }

    @Test
    void aRulingBeforeTheApplicationAndAnApplicationBeforeTheAgreementAreRefused() {
        Map<String, String> cells = mediationRow();
        cells.put("司法确认申请日期", "2026-03-20");
        cells.put("司法确认裁定日期", "2026-03-19");
        RowCheck row = check(cells);
        mediationRows().parse(row, context(ImportKind.MEDIATION_CASES, Roles.BUREAU_ADMIN, COUNTY));
        assertEquals(List.of(new RowError(2, "司法确认裁定日期",
                "司法确认裁定日期（2026-03-19）不能早于司法确认申请日期（2026-03-20）")), row.errors());
        Map<String, String> early = mediationRow();
        early.put("司法确认申请日期", "2026-03-11");
        RowCheck second = check(early);
        mediationRows().parse(second, context(ImportKind.MEDIATION_CASES, Roles.BUREAU_ADMIN, COUNTY));
        assertEquals(List.of(new RowError(2, "司法确认申请日期",
                "司法确认申请日期（2026-03-11）不能早于结案日期（2026-03-12）")), second.errors());
    }

    @Test
    void everyMissingOrWrongCellOfAMediationRowIsReportedWithItsHeader() {
        Map<String, String> cells = mediationRow();
        cells.put("受理日期", "");
        cells.put("案件来源", "上门");
        cells.put("纠纷类型", "");
        cells.put("被申请人", "");
        cells.put("调解员", "赵六");
        cells.put("调解结果", "成功");
        cells.put("司法确认结果", "");
        RowCheck row = check(cells);
        assertNull(mediationRows().parse(row, context(ImportKind.MEDIATION_CASES, Roles.JUDICIAL_OFFICE, TOWNSHIP)));
        Map<String, String> byColumn = new HashMap<>();
        row.errors().forEach(e -> byColumn.merge(e.column(), e.message(), (a, b) -> a + "；" + b));
        assertEquals("必填", byColumn.get("受理日期"));
        assertTrue(byColumn.get("案件来源").startsWith("应为以下之一：当事人申请、来访、来电"));
        assertEquals("必填", byColumn.get("纠纷类型"));
        assertEquals("必填", byColumn.get("被申请人"));
        assertEquals("“赵六”不是本调委会已登记的调解员", byColumn.get("调解员"));
        assertTrue(byColumn.get("调解结果").startsWith("应为以下之一：调解成功"));
        assertEquals("司法确认裁定请同时填写裁定结果和裁定日期", byColumn.get("司法确认结果"));
        assertEquals(7, row.errors().size());
    }

    @Test
    void agreementFormTransferAndCourtGoWithTheirOutcomeAndSource() {
        Map<String, String> failed = mediationRow();
        failed.put("调解结果", "调解不成");
        RowCheck row = check(failed);
        mediationRows().parse(row, context(ImportKind.MEDIATION_CASES, Roles.JUDICIAL_OFFICE, TOWNSHIP));
        assertEquals(List.of("协议形式", "司法确认申请日期"), row.errors().stream().map(RowError::column).toList());

        Map<String, String> succeeded = mediationRow();
        succeeded.put("协议形式", "");
        succeeded.put("案件来源", "派出所移送");
        succeeded.put("司法确认申请日期", "");
        succeeded.put("司法确认结果", "");
        succeeded.put("司法确认裁定日期", "");
        RowCheck second = check(succeeded);
        mediationRows().parse(second, context(ImportKind.MEDIATION_CASES, Roles.JUDICIAL_OFFICE, TOWNSHIP));
        assertEquals(List.of(new RowError(2, "移送单位", "移送的案件请填写移送单位"),
                new RowError(2, "法院名称", "只有诉前委派、委托调解或申请司法确认的案件填写法院名称"),
                new RowError(2, "协议形式", "调解成功的案件请填写协议形式（书面或口头）")), second.errors());

        Map<String, String> referred = mediationRow();
        referred.put("案件来源", "诉前委派");
        referred.put("法院名称", "");
        RowCheck third = check(referred);
        mediationRows().parse(third, context(ImportKind.MEDIATION_CASES, Roles.JUDICIAL_OFFICE, TOWNSHIP));
        assertEquals(List.of(new RowError(2, "法院案号", "诉前委派、委托调解的案件请填写法院案号"),
                new RowError(2, "法院名称", "诉前委派、委托调解和申请司法确认的案件请填写法院名称")), third.errors());
        referred.put("法院名称", "鹤庆县人民法院");
        referred.put("法院案号", "(2026)云2932民诉前调123号");
        RowCheck fourth = check(referred);
        HistoryCommands.ConcludedCase c = mediationRows().parse(fourth,
                context(ImportKind.MEDIATION_CASES, Roles.JUDICIAL_OFFICE, TOWNSHIP)).command();
        assertEquals(COURT, c.courtId());
        assertEquals("(2026)云2932民诉前调123号", c.courtCaseNumber());
        assertEquals(Dispute.Origin.COURT_REFERRED, c.origin());
        referred.put("法院案号", "(2025)云2932民诉前调1号");
        RowCheck taken = check(referred);
        assertNull(mediationRows().parse(taken, context(ImportKind.MEDIATION_CASES, Roles.JUDICIAL_OFFICE, TOWNSHIP)));
        assertEquals(List.of(new RowError(2, "法院案号", "鹤庆县人民法院的案号 (2025)云2932民诉前调1号 已经登记")),
                taken.errors());
    }

    @Test
    void aCourtCaseNumberOnTwoRowsOfOneFileIsRefusedInTheDryRunAndAnotherPassStartsAfresh() {
        MediationCaseRows rows = mediationRows();
        ImportContext pass = context(ImportKind.MEDIATION_CASES, Roles.JUDICIAL_OFFICE, TOWNSHIP);
        Map<String, String> referred = mediationRow();
        referred.put("案件来源", "诉前委派");
        referred.put("法院案号", "(2026)云2932民诉前调7号");
        assertEquals(List.of(), check(referred, 2, rows, pass).errors());
        RowCheck identical = check(referred, 3, rows, pass);
        assertEquals(List.of(), identical.errors(), "an identical row is the runner's repeat, reported as such");
        Map<String, String> other = new java.util.HashMap<>(referred);
        other.put("纠纷简要情况", "另一件纠纷");
        other.put("受理日期", "2026-03-06");
        RowCheck second = check(other, 4, rows, pass);
        assertEquals(List.of(new RowError(4, "法院案号", "与第 2 行的法院案号相同（同一法院的案号只对应一件纠纷）")),
                second.errors());
        other.put("法院案号", "(2026)云2932民诉前调8号");
        assertEquals(List.of(), check(other, 5, rows, pass).errors());
        RowCheck nextPass = check(referred, 2, rows, context(ImportKind.MEDIATION_CASES, Roles.JUDICIAL_OFFICE, TOWNSHIP));
        assertEquals(List.of(), nextPass.errors(), "the confirm's pass remembers nothing of the dry run's");
    }

    private static RowCheck check(Map<String, String> cells, int rowNo, MediationCaseRows rows, ImportContext ctx) {
        RowCheck row = new RowCheck(rowNo, cells);
        rows.parse(row, ctx);
        return row;
    }

    @Test
    void aJudicialOfficeImportsOnlyItsTownshipsCasesAndIdNumbersMatchTheNames() {
        Map<String, String> cells = mediationRow();
        cells.put("纠纷发生地区划代码", OTHER_TOWNSHIP_VILLAGE);
        cells.put("申请人身份证号", ID);
        RowCheck row = check(cells);
        mediationRows().parse(row, context(ImportKind.MEDIATION_CASES, Roles.JUDICIAL_OFFICE, TOWNSHIP));
        assertEquals(List.of(new RowError(2, "申请人身份证号", "身份证号个数（1）应与申请人人数（2）一致"),
                new RowError(2, "纠纷发生地区划代码", "纠纷发生地须在本单位服务区域内")), row.errors());
        Map<String, String> township = mediationRow();
        township.put("纠纷发生地区划代码", TOWNSHIP);
        RowCheck second = check(township);
        mediationRows().parse(second, context(ImportKind.MEDIATION_CASES, Roles.JUDICIAL_OFFICE, TOWNSHIP));
        assertEquals(List.of(new RowError(2, "纠纷发生地区划代码", "纠纷发生地须为村（社区）")), second.errors());
    }

    @Test
    void theSameCellsMakeTheSameKeyAndAnotherConclusionDateAnother() {
        MediationCaseRows rows = mediationRows();
        ImportContext ctx = context(ImportKind.MEDIATION_CASES, Roles.JUDICIAL_OFFICE, TOWNSHIP);
        String first = RowKey.of(ImportKind.MEDIATION_CASES, rows.keyParts(rows.parse(check(mediationRow()), ctx)));
        String again = RowKey.of(ImportKind.MEDIATION_CASES, rows.keyParts(rows.parse(check(mediationRow()), ctx)));
        Map<String, String> other = mediationRow();
        other.put("结案日期", "2026-03-13");
        String third = RowKey.of(ImportKind.MEDIATION_CASES, rows.keyParts(rows.parse(check(other), ctx)));
        assertEquals(first, again);
        assertFalse(first.equals(third));
    }

    // --- 法律援助案件台账

    private static Map<String, String> aidRow() {
        Map<String, String> cells = new LinkedHashMap<>();
        List<ImportKind.Column> columns = ImportKind.AID_CASES.columns();
        List<String> values = List.of("2026-03-05", VILLAGE, "字*富", ID, "劳动报酬", "民事行政代理", "给予", "2026-03-08", "",
                "云南鹤阳律师事务所", "赵律师", "2026-03-09", "2026-06-20", "调解和解", "18,600.50", "讨要工资");
        for (int i = 0; i < columns.size(); i++) {
            cells.put(columns.get(i).header(), values.get(i));
        }
        return cells;
    }

    private static AidCaseRows aidRows() {
        return new AidCaseRows(null, REGISTERS);
    }

    @Test
    void aGoodLegalAidRowBecomesItsCommand() {
        RowCheck row = check(aidRow());
        AidCaseRows.Row r = aidRows().parse(row, context(ImportKind.AID_CASES, Roles.AID_OFFICER, COUNTY));
        assertEquals(List.of(), row.errors());
        CaseHistoryCommands.ConcludedCase c = r.command();
        assertEquals(CaseHistoryCommands.Decision.GRANTED, c.decision());
        assertEquals(AidServiceType.CIVIL_ADMINISTRATIVE_REPRESENTATION, c.serviceType());
        assertEquals(FIRM, c.providerOrgId());
        assertEquals(LAWYER, c.lawyerId());
        assertEquals(LocalDate.of(2026, 3, 9), c.assignedOn());
        assertEquals(CaseOutcome.SETTLED, c.outcome());
        assertEquals(new BigDecimal("18600.50"), c.recovered());
        assertEquals("字*富", c.applicant().name());
    }

    @Test
    void anOfficerOfAnotherCentreIsRefusedTheRowInTheDryRunAndTheBureauIsNot() {
        RowCheck other = check(aidRow());
        assertNull(aidRows().parse(other, context(ImportKind.AID_CASES, Roles.AID_OFFICER, COUNTY, UUID.randomUUID())));
        assertEquals(List.of(new RowError(2, AidCaseRows.REGION, "该事项不属于本法律援助中心受理的区域")), other.errors());
        RowCheck bureau = check(aidRow());
        assertNotNull(aidRows().parse(bureau, context(ImportKind.AID_CASES, Roles.BUREAU_ADMIN, COUNTY, UUID.randomUUID())),
                () -> bureau.errors().toString());
    }

    @Test
    void aCentreAsProviderMustBeTheRegionsOwnCentre() {
        Map<String, String> own = aidRow();
        own.put(AidCaseRows.PROVIDER, "鹤庆县法律援助中心");
        own.put(AidCaseRows.LAWYER, "");
        RowCheck ownRow = check(own);
        AidCaseRows.Row r = aidRows().parse(ownRow, context(ImportKind.AID_CASES, Roles.AID_OFFICER, COUNTY));
        assertEquals(List.of(), ownRow.errors());
        assertEquals(CENTRE, r.command().providerOrgId());
        Map<String, String> other = aidRow();
        other.put(AidCaseRows.PROVIDER, "鹤庆县第二法律援助中心");
        other.put(AidCaseRows.LAWYER, "");
        RowCheck otherRow = check(other);
        assertNull(aidRows().parse(otherRow, context(ImportKind.AID_CASES, Roles.BUREAU_ADMIN, COUNTY)));
        assertEquals(List.of(new RowError(2, AidCaseRows.PROVIDER, "承办机构须为受理该事项的法律援助中心或本县的律师事务所")),
                otherRow.errors());
    }

    @Test
    void legalAidDatesFollowReceivedDecidedAssignedClosed() {
        Map<String, String> cells = aidRow();
        cells.put("决定日期", "2026-03-04");
        cells.put("结案日期", "2026-03-08");
        RowCheck row = check(cells);
        assertNull(aidRows().parse(row, context(ImportKind.AID_CASES, Roles.AID_OFFICER, COUNTY)));
        assertEquals(List.of(new RowError(2, "决定日期", "决定日期（2026-03-04）不能早于收到申请日期（2026-03-05）"),
                new RowError(2, "结案日期", "结案日期（2026-03-08）不能早于指派日期（2026-03-09）")), row.errors());
        Map<String, String> sameDays = aidRow();
        sameDays.put("决定日期", "2026-03-05");
        sameDays.put("指派日期", "2026-03-05");
        sameDays.put("结案日期", "2026-03-05");
        RowCheck ok = check(sameDays);
        assertNotNull(aidRows().parse(ok, context(ImportKind.AID_CASES, Roles.AID_OFFICER, COUNTY)), () -> ok.errors().toString());
    }

    @Test
    void aGrantNeedsItsAssignmentAndARefusalHasNone() {
        Map<String, String> granted = aidRow();
        granted.put("承办机构", "");
        granted.put("承办人", "");
        granted.put("指派日期", "");
        granted.put("结案日期", "");
        granted.put("结案情况", "");
        granted.put("挽回经济损失（元）", "");
        RowCheck row = check(granted);
        aidRows().parse(row, context(ImportKind.AID_CASES, Roles.AID_OFFICER, COUNTY));
        assertEquals(List.of("承办机构", "指派日期"), row.errors().stream().map(RowError::column).toList());

        Map<String, String> refused = aidRow();
        refused.put("审查结果", "不予");
        RowCheck second = check(refused);
        aidRows().parse(second, context(ImportKind.AID_CASES, Roles.AID_OFFICER, COUNTY));
        assertEquals(List.of("承办机构", "承办人", "指派日期", "结案日期", "结案情况", "挽回经济损失（元）"),
                second.errors().stream().map(RowError::column).toList());
    }

    @Test
    void anAmountNeedsTheClosingAndAtMostTwoDecimals() {
        Map<String, String> cells = aidRow();
        cells.put("挽回经济损失（元）", "100.005");
        RowCheck row = check(cells);
        aidRows().parse(row, context(ImportKind.AID_CASES, Roles.AID_OFFICER, COUNTY));
        assertEquals(List.of(new RowError(2, "挽回经济损失（元）", "应为 0 至 100 亿之间的金额（元），最多两位小数：100.005")),
                row.errors());
        Map<String, String> open = aidRow();
        open.put("结案日期", "");
        open.put("结案情况", "");
        RowCheck second = check(open);
        aidRows().parse(second, context(ImportKind.AID_CASES, Roles.AID_OFFICER, COUNTY));
        assertEquals(List.of(new RowError(2, "挽回经济损失（元）", "挽回经济损失只在结案时填写")), second.errors());
        Map<String, String> noOutcome = aidRow();
        noOutcome.put("结案情况", "");
        RowCheck third = check(noOutcome);
        aidRows().parse(third, context(ImportKind.AID_CASES, Roles.AID_OFFICER, COUNTY));
        assertEquals(List.of(new RowError(2, "结案情况", "已结案的案件请填写结案情况")), third.errors());
    }

    @Test
    void unknownProviderLawyerAndLabelsAreNamed() {
        Map<String, String> cells = aidRow();
        cells.put("承办人", "钱律师");
        cells.put("服务形式", "代理");
        cells.put("受援人身份证号", "12345");
        RowCheck row = check(cells);
        aidRows().parse(row, context(ImportKind.AID_CASES, Roles.AID_OFFICER, COUNTY));
        assertEquals(List.of("服务形式", "受援人身份证号", "承办人"), row.errors().stream().map(RowError::column).toList());
        assertEquals("“钱律师”不是该承办机构已登记的律师", row.errors().get(2).message());
        Map<String, String> firm = aidRow();
        firm.put("承办机构", "别县律师事务所");
        RowCheck second = check(firm);
        aidRows().parse(second, context(ImportKind.AID_CASES, Roles.AID_OFFICER, COUNTY));
        assertEquals(List.of(new RowError(2, "承办机构", "承办机构“别县律师事务所”不是本县已登记的律师事务所或法律援助中心")),
                second.errors());
    }
}
