package org.publiclegal.onboarding;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.advisory.AdvisoryAccess;
import org.publiclegal.advisory.ContractService;
import org.publiclegal.advisory.CoverageService;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.validation.DateBounds;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * 村（居）法律顾问合同 rows: a registered advisor of the importer's county and villages of the importer's area over a
 * term, signed through {@link ContractService#signAsOf} as of the row's 签订日期, so the coverage (覆盖率, 签约率) of
 * each village is written to the ledger on the days it began and ended, exactly as if the contract had been
 * entered by hand on the day it was signed. A village's coverage once written through a day is never revisited (a
 * reported figure does not move), so the rows go in by signing day whatever the sheet's order ({@link #applyOrder});
 * only a row signed before the day a village's coverage is already written through in the database is refused
 * ({@link ContractRowRules#orderError}), by the dry run and again as the row is written. After the last row the
 * file's villages, and those of the importer's area that the scheduled sync left alone meanwhile
 * ({@link ContractImportHold}), are brought up to today ({@link #finish}).
 */
@ApplicationScoped
public class ContractRows implements RowHandler<ContractRows.Row> {

    static final String ADVISOR = "法律顾问用户名";
    static final String VILLAGES = "服务村（社区）代码";
    static final String STARTS = "合同开始日期";
    static final String ENDS = "合同截止日期";
    static final String SIGNED = "签订日期";
    static final String HOURS = "每月驻村服务小时";
    static final String LECTURES = "每季度讲座场次";

    public record Row(String advisorUsername, UUID advisorId, List<String> villages, LocalDate startsOn,
                      LocalDate endsOn, LocalDate signedOn, Integer hours, Integer lectures) {
    }

    /** One pass over a file: each village's day written through in the database (looked up once), every village seen. */
    static final class Pass {
        final Map<String, Optional<LocalDate>> recordedThrough = new HashMap<>();
        final Set<String> villages = new TreeSet<>();
    }

    private final ContractService contracts;
    private final CoverageService coverage;
    private final RegisterLookups lookups;
    private final PerImport<Pass> passes = new PerImport<>(Pass::new);

    public ContractRows(ContractService contracts, CoverageService coverage, RegisterLookups lookups) {
        this.contracts = contracts;
        this.coverage = coverage;
        this.lookups = lookups;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CONTRACTS;
    }

    @Override
    public Row parse(RowCheck row, ImportContext ctx) {
        Pass pass = passes.of(ctx);
        String username = row.text(ADVISOR, true, 64);
        String cell = row.text(VILLAGES, true, 30 * 14);
        LocalDate starts = row.date(STARTS, true, DateBounds.EARLIEST, DateBounds.LATEST_PLANNED);
        LocalDate ends = row.date(ENDS, true, DateBounds.EARLIEST, DateBounds.LATEST_PLANNED);
        LocalDate signed = row.date(SIGNED, true, DateBounds.EARLIEST, ctx.today());
        Integer hours = row.number(HOURS, false, 1, 200);
        Integer lectures = row.number(LECTURES, false, 0, 30);
        UUID advisorId = null;
        if (username != null) {
            RegisterLookups.StaffAccount account = lookups.staffByUsername(username);
            if (account == null || lookups.advisorLicence(account.id()) == null) {
                row.fail(ADVISOR, "没有用户名为 " + username + " 的法律顾问（请先导入法律顾问）");
            } else if (!AdvisoryAccess.administersCounty(ctx.scope(), account.regionCode())) {
                row.fail(ADVISOR, "法律顾问不属于本县");
            } else {
                advisorId = account.id();
            }
        }
        List<String> villages = cell == null ? List.of() : ContractRowRules.villages(cell);
        if (villages.size() > ContractRowRules.MAX_VILLAGES) {
            row.fail(VILLAGES, "一份合同最多 " + ContractRowRules.MAX_VILLAGES + " 个村（社区）");
        }
        for (String v : villages) {
            if (v.length() != 12 || !v.chars().allMatch(c -> c >= '0' && c <= '9')
                    || RegionCodes.levelOf(v) != RegionCodes.Level.VILLAGE) {
                row.fail(VILLAGES, "“" + v + "”不是村（社区）一级的 12 位行政区划代码");
            } else if (!ctx.scope().covers(v)) {
                row.fail(VILLAGES, "村（社区）" + v + " 不在本单位辖区内");
            } else if (!ctx.regionKnown(v)) {
                row.fail(VILLAGES, "行政区划 " + v + " 未登记");
            }
        }
        if (starts != null && ends != null) {
            String why = ContractRowRules.termError(starts, ends);
            if (why != null) {
                row.fail(ENDS, why);
            } else if (signed != null) {
                String late = ContractRowRules.signedError(signed, ends);
                if (late != null) {
                    row.fail(SIGNED, late);
                }
            }
        }
        if (!row.ok()) {
            return null;
        }
        Row r = new Row(username, advisorId, villages, starts, ends, signed, hours, lectures);
        pass.villages.addAll(villages);
        if (!ctx.imported(RowKey.of(kind(), keyParts(r)))) {
            for (String v : villages) {
                LocalDate through = pass.recordedThrough
                        .computeIfAbsent(v, k -> Optional.ofNullable(lookups.coverageRecordedThrough(k))).orElse(null);
                String why = ContractRowRules.orderError(signed, through);
                if (why != null) {
                    row.fail(SIGNED, "村（社区）" + v + "：" + why);
                }
            }
            if (!row.ok()) {
                return null;
            }
        }
        return r;
    }

    @Override
    public List<String> keyParts(Row r) {
        return List.of(r.advisorUsername().toLowerCase(), String.join(",", new TreeSet<>(r.villages())),
                r.startsOn().toString(), r.endsOn().toString());
    }

    /** The first day a village is covered by it, for the dry run's count of closed periods. */
    @Override
    public LocalDate datedOn(Row row) {
        return row.signedOn().isAfter(row.startsOn()) ? row.signedOn() : row.startsOn();
    }

    @Override
    public String regionOf(Row row) {
        return row.villages().get(0);
    }

    @Override
    public String recordType() {
        return "adv_contract";
    }

    /** By 签订日期, so each village's contracts go in by signing day (the sheet's order among rows of one day). */
    @Override
    public Comparator<Row> applyOrder() {
        return Comparator.comparing(Row::signedOn);
    }

    /**
     * Signs the contract as of its 签订日期, after checking again, with the villages' coverage rows locked, that none
     * is written through a later day (the dry run's check, which a sync between the dry run and the confirm could
     * have overtaken): such a row fails the import instead of counting from the wrong day.
     */
    @Override
    public Uni<String> apply(Row r, int rowNo, ImportContext ctx) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select village_code, synced_on from adv_village_coverage where village_code = any(:v)
                        order by village_code for update""", Object[].class)
                        .setParameter("v", r.villages().toArray(String[]::new)).getResultList())
                .invoke(rows -> {
                    for (Object[] state : rows) {
                        String why = ContractRowRules.orderError(r.signedOn(), (LocalDate) state[1]);
                        if (why != null) {
                            throw DomainException.rule("第 " + rowNo + " 行，村（社区）" + state[0] + "：" + why);
                        }
                    }
                })
                .chain(() -> signAsOf(r, ctx));
    }

    private Uni<String> signAsOf(Row r, ImportContext ctx) {
        return contracts.signAsOf(new ContractService.Terms(r.advisorId(), r.villages(), r.startsOn(), r.endsOn(),
                        r.hours(), r.lectures()), ctx.scope(), ctx.actor(), r.signedOn())
                .map(s -> s.contractId().toString());
    }

    /**
     * Brings the coverage of the file's villages up to today (the days after each village's last signing), and of the
     * villages of the importer's area whose coverage changed by the calendar while the import held them.
     */
    @Override
    public Uni<Void> finish(ImportContext ctx) {
        Set<String> villages = passes.of(ctx).villages;
        Uni<Integer> fileVillages = villages.isEmpty() ? Uni.createFrom().item(0) : coverage.sync(villages, ctx.today());
        return fileVillages.chain(() -> coverage.syncDueWithin(ctx.scopeRoot(), ctx.today())).replaceWithVoid();
    }
}
