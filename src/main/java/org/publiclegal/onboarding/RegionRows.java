package org.publiclegal.onboarding;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.region.OrganisationService;

import java.util.List;

/** 行政区划 rows: a township or village below the importer's county, its parent registered or on an earlier row. */
@ApplicationScoped
public class RegionRows implements RowHandler<RegionRows.Row> {

    static final String CODE = "区划代码";
    static final String NAME = "名称";

    public record Row(String code, String name) {
    }

    private final OrganisationService directory;

    public RegionRows(OrganisationService directory) {
        this.directory = directory;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.REGIONS;
    }

    @Override
    public Row parse(RowCheck row, ImportContext ctx) {
        String code = row.regionCode(CODE, true);
        String name = row.text(NAME, true, 100);
        if (code != null) {
            String problem = RegionCodeRules.problem(code, ctx.scopeRoot());
            if (problem != null) {
                row.fail(CODE, problem);
            } else {
                String parent = RegionCodeRules.parentOf(code);
                if (!ctx.regionKnown(parent)) {
                    row.fail(CODE, "上级行政区划 " + parent + " 不存在：须已登记或写在本文件更前面的行");
                }
            }
        }
        if (!row.ok()) {
            return null;
        }
        ctx.addRegionFromFile(code);
        return new Row(code, name);
    }

    @Override
    public List<String> keyParts(Row row) {
        return List.of(row.code());
    }

    @Override
    public boolean alreadyRegistered(Row row, ImportContext ctx) {
        return ctx.regionRegistered(row.code());
    }

    @Override
    public String recordType() {
        return "region";
    }

    @Override
    public Uni<String> apply(Row row, int rowNo, ImportContext ctx) {
        return directory.addRegion(row.code(), row.name(), ctx.actor()).map(r -> r.code);
    }
}
