package org.publiclegal.onboarding;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.advisory.AdvisorService;
import org.publiclegal.advisory.AdvisoryAccess;
import org.publiclegal.advisory.PracticeCategory;
import org.publiclegal.shared.security.Roles;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * 法律顾问 rows: the practice record (执业类别, 执业证号, first year of practice) of a LAWYER account of the importer's
 * county, registered through {@link AdvisorService#register} as by hand. The account itself (name, 律师事务所, sealed
 * mobile) comes from the 工作人员 import. An account already registered as an advisor is counted as existing.
 */
@ApplicationScoped
public class AdvisorRows implements RowHandler<AdvisorRows.Row> {

    static final String USERNAME = "用户名";
    static final String NAME = "姓名";
    static final String CATEGORY = "执业类别";
    static final String LICENCE = "执业证号";
    static final String FIRST_YEAR = "首次执业年份";

    static final Pattern LICENCE_PATTERN = Pattern.compile("[0-9A-Za-z-]{6,32}");
    static final Map<String, PracticeCategory> CATEGORIES = new LinkedHashMap<>();

    static {
        for (PracticeCategory c : PracticeCategory.values()) {
            CATEGORIES.put(c.label, c);
        }
    }

    public record Row(String username, UUID accountId, PracticeCategory category, String licence, int firstPracticeYear,
                      boolean registered) {
    }

    private final AdvisorService advisors;
    private final RegisterLookups lookups;
    /** Licence numbers of earlier rows: licence → row. */
    private final PerImport<Map<String, Integer>> licences = new PerImport<>(HashMap::new);

    public AdvisorRows(AdvisorService advisors, RegisterLookups lookups) {
        this.advisors = advisors;
        this.lookups = lookups;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ADVISORS;
    }

    @Override
    public Row parse(RowCheck row, ImportContext ctx) {
        String username = row.text(USERNAME, true, 64);
        String name = row.text(NAME, false, 50);
        PracticeCategory category = row.choice(CATEGORY, true, CATEGORIES);
        String licence = row.text(LICENCE, true, 32);
        if (licence != null && !LICENCE_PATTERN.matcher(licence).matches()) {
            row.fail(LICENCE, "执业证号应为 6 至 32 位数字或字母");
            licence = null;
        }
        Integer year = row.number(FIRST_YEAR, true, 1950, ctx.today().getYear());
        RegisterLookups.StaffAccount account = null;
        if (username != null) {
            account = lookups.staffByUsername(username);
            if (account == null) {
                row.fail(USERNAME, "没有用户名为 " + username + " 的工作人员（请先导入工作人员）");
            } else if (!account.active() || !account.roles().contains(Roles.LAWYER)) {
                row.fail(USERNAME, "须为在职的律师（角色为律师）账号");
                account = null;
            } else if (!AdvisoryAccess.administersCounty(ctx.scope(), account.regionCode())) {
                row.fail(USERNAME, "只能登记本县律师事务所、法律服务所的人员");
                account = null;
            } else if (name != null && !name.equals(account.displayName())) {
                row.fail(NAME, "与账号 " + username + " 的姓名不一致");
            }
        }
        String registeredLicence = account == null ? null : lookups.advisorLicence(account.id());
        if (licence != null && account != null) {
            Integer earlier = licences.of(ctx).putIfAbsent(licence, row.rowNo());
            UUID holder = lookups.licenceHolder(licence);
            if (earlier != null) {
                row.fail(LICENCE, "执业证号与第 " + earlier + " 行重复");
            } else if (holder != null && !holder.equals(account.id())) {
                row.fail(LICENCE, "执业证号 " + licence + " 已登记给其他法律顾问");
            } else if (registeredLicence != null && !registeredLicence.equals(licence)) {
                row.fail(LICENCE, "该账号已登记为法律顾问，执业证号为另一号码");
            }
        }
        return row.ok() ? new Row(username, account.id(), category, licence, year, registeredLicence != null) : null;
    }

    @Override
    public List<String> keyParts(Row row) {
        return List.of(row.username().toLowerCase());
    }

    @Override
    public boolean alreadyRegistered(Row row, ImportContext ctx) {
        return row.registered();
    }

    @Override
    public String recordType() {
        return "adv_advisor";
    }

    @Override
    public Uni<String> apply(Row row, int rowNo, ImportContext ctx) {
        return advisors.register(new AdvisorService.Registration(row.accountId(), row.category(), row.licence(),
                row.firstPracticeYear()), ctx.scope(), ctx.actor()).replaceWith(row.accountId().toString());
    }
}
