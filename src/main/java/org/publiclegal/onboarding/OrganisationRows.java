package org.publiclegal.onboarding;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.region.OrganisationType.CommitteeKind;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.validation.DateBounds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 机构 rows: an organisation of a registered region of the importer's area, its type fitting the region's level; on
 * the register from its 成立日期 when the row gives one (not before 2000-01-01 nor its region's first day on the
 * register, not after today: all checked in the dry run), else from the import day.
 */
@ApplicationScoped
public class OrganisationRows implements RowHandler<OrganisationRows.Row> {

    static final String TYPE = "机构类型";
    static final String KIND = "调委会类别";
    static final String NAME = "机构名称";
    static final String REGION = "所在区划代码";
    static final String ADDRESS = "地址";
    static final String PHONE = "电话";
    static final String FOUNDED = "成立日期";

    static final Map<String, OrganisationType> TYPES = new LinkedHashMap<>();
    static final Map<String, CommitteeKind> KINDS = new LinkedHashMap<>();

    static {
        TYPES.put("司法所", OrganisationType.JUDICIAL_OFFICE);
        TYPES.put("人民调解委员会", OrganisationType.MEDIATION_COMMITTEE);
        TYPES.put("调委会", OrganisationType.MEDIATION_COMMITTEE);
        TYPES.put("律师事务所", OrganisationType.LAW_FIRM);
        TYPES.put("法院", OrganisationType.COURT);
        TYPES.put("法律援助中心", OrganisationType.LEGAL_AID_CENTRE);
        TYPES.put("司法局", OrganisationType.JUSTICE_BUREAU);
        KINDS.put("村（居）", CommitteeKind.VILLAGE);
        KINDS.put("村(居)", CommitteeKind.VILLAGE);
        KINDS.put("村", CommitteeKind.VILLAGE);
        KINDS.put("乡镇（街道）", CommitteeKind.TOWNSHIP);
        KINDS.put("乡镇(街道)", CommitteeKind.TOWNSHIP);
        KINDS.put("乡镇", CommitteeKind.TOWNSHIP);
        KINDS.put("行业性专业性", CommitteeKind.INDUSTRY);
        KINDS.put("行业性", CommitteeKind.INDUSTRY);
    }

    public record Row(OrganisationType type, CommitteeKind committeeKind, String name, String regionCode,
                      String address, String phone, LocalDate founded) {
    }

    private final OrganisationService directory;
    private final NameLookups names;
    /** Each region's first day on the register, looked up once per pass of the file. */
    private final PerImport<Map<String, Optional<LocalDate>>> regionDays = new PerImport<>(HashMap::new);

    public OrganisationRows(OrganisationService directory, NameLookups names) {
        this.directory = directory;
        this.names = names;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ORGANISATIONS;
    }

    @Override
    public Row parse(RowCheck row, ImportContext ctx) {
        OrganisationType type = row.choice(TYPE, true, TYPES);
        CommitteeKind kind = row.choice(KIND, false, KINDS);
        String name = row.text(NAME, true, 100);
        String region = row.regionCode(REGION, true);
        String address = row.text(ADDRESS, false, 200);
        String phone = row.text(PHONE, false, 30);
        LocalDate founded = row.date(FOUNDED, false, DateBounds.EARLIEST, ctx.today());
        if (region != null) {
            if (!ctx.scope().covers(region)) {
                row.fail(REGION, "行政区划 " + region + " 不在本单位管辖范围内");
            } else if (!ctx.regionKnown(region)) {
                row.fail(REGION, "行政区划 " + region + " 未登记（请先导入行政区划）");
            } else if (founded != null) {
                // the service refuses it when the batch is written; the dry run says so first, with the row
                LocalDate regionFrom = regionDays.of(ctx).computeIfAbsent(region,
                        r -> Optional.ofNullable(names.regionValidFrom(r))).orElse(null);
                if (regionFrom != null && founded.isBefore(regionFrom)) {
                    row.fail(FOUNDED, "成立日期不能早于所在行政区划的在册日期 " + regionFrom);
                }
            }
        }
        if (type != null && region != null && row.ok()) {
            try {
                Organisation.create(type, kind, name, region, address, phone, Instant.EPOCH);
            } catch (DomainException e) {
                boolean kindField = e.errors().stream().anyMatch(f -> "committeeKind".equals(f.field()));
                row.fail(kindField ? KIND : REGION, e.getMessage());
            }
        }
        return row.ok() ? new Row(type, kind, name, region, address, phone, founded) : null;
    }

    @Override
    public List<String> keyParts(Row row) {
        return List.of(row.type().name(), row.regionCode(), row.name());
    }

    @Override
    public boolean alreadyRegistered(Row row, ImportContext ctx) {
        return ctx.organisation(row.regionCode(), row.name()) != null;
    }

    @Override
    public String recordType() {
        return "organisation";
    }

    @Override
    public Uni<String> apply(Row row, int rowNo, ImportContext ctx) {
        return directory.create(row.type(), row.committeeKind(), row.name(), row.regionCode(), row.address(),
                row.phone(), row.founded(), ctx.scope(), ctx.actor()).map(o -> o.id.toString());
    }
}
