package org.publiclegal.onboarding;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.mediation.screening.Screening;
import org.publiclegal.mediation.screening.ScreeningService;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.validation.DateBounds;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 矛盾纠纷排查台账 rows: a round in a registered village or township of the importer's area, dated as it happened. */
@ApplicationScoped
public class ScreeningRows implements RowHandler<ScreeningRows.Row> {

    static final String DATE = "排查日期";
    static final String REGION = "排查地区代码";
    static final String PLACE = "排查地点";
    static final String HOUSEHOLDS = "走访户数";
    static final String DISPUTES = "发现纠纷数";
    static final String RISK = "风险等级";
    static final String NOTE = "备注";

    static final Map<String, Screening.RiskLevel> RISKS = new LinkedHashMap<>();

    static {
        RISKS.put("低", Screening.RiskLevel.LOW);
        RISKS.put("中", Screening.RiskLevel.MEDIUM);
        RISKS.put("高", Screening.RiskLevel.HIGH);
    }

    public record Row(LocalDate screenedOn, String regionCode, String place, int householdsVisited, int disputesFound,
                      Screening.RiskLevel riskLevel, String note) {
    }

    private final ScreeningService screenings;

    public ScreeningRows(ScreeningService screenings) {
        this.screenings = screenings;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.SCREENINGS;
    }

    @Override
    public Row parse(RowCheck row, ImportContext ctx) {
        LocalDate on = row.date(DATE, true, DateBounds.EARLIEST, ctx.today());
        String region = row.regionCode(REGION, true);
        String place = row.text(PLACE, true, 200);
        Integer households = row.number(HOUSEHOLDS, true, 0, 100_000);
        Integer disputes = row.number(DISPUTES, true, 0, 10_000);
        Screening.RiskLevel risk = row.choice(RISK, true, RISKS);
        String note = row.text(NOTE, false, 1000);
        if (region != null) {
            RegionCodes.Level level = RegionCodes.levelOf(region);
            if (level != RegionCodes.Level.VILLAGE && level != RegionCodes.Level.TOWNSHIP) {
                row.fail(REGION, "排查地区须为村（社区）或乡镇（街道）");
            } else if (!ctx.scope().covers(region)) {
                row.fail(REGION, "排查地区须在本单位服务区域内");
            } else if (!ctx.regionKnown(region)) {
                row.fail(REGION, "行政区划 " + region + " 未登记");
            }
        }
        return row.ok() ? new Row(on, region, place, households, disputes, risk, note) : null;
    }

    @Override
    public List<String> keyParts(Row r) {
        return List.of(r.screenedOn().toString(), r.regionCode(), r.place(), String.valueOf(r.householdsVisited()),
                String.valueOf(r.disputesFound()), r.riskLevel().name(), r.note() == null ? "" : r.note());
    }

    @Override
    public LocalDate datedOn(Row row) {
        return row.screenedOn();
    }

    @Override
    public String regionOf(Row row) {
        return row.regionCode();
    }

    @Override
    public String recordType() {
        return "med_screening";
    }

    @Override
    public Uni<String> apply(Row r, int rowNo, ImportContext ctx) {
        return screenings.record(round(r), ctx.scope(), ctx.actor()).map(s -> s.id.toString());
    }

    /** The batch through {@link ScreeningService#recordAll}: the same records and ledger events, in a few statements. */
    @Override
    public Uni<List<String>> applyAll(List<Numbered<Row>> rows, ImportContext ctx) {
        return screenings.recordAll(rows.stream().map(n -> round(n.row())).toList(), ctx.scope(), ctx.actor())
                .map(created -> created.stream().map(s -> s.id.toString()).toList());
    }

    private static Screening.Round round(Row r) {
        return new Screening.Round(r.screenedOn(), r.place(), r.regionCode(), r.householdsVisited(), r.disputesFound(),
                r.riskLevel(), r.note());
    }
}
