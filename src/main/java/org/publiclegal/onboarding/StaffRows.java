package org.publiclegal.onboarding;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.identity.StaffRolePolicy;
import org.publiclegal.identity.StaffService;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.security.Roles;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 工作人员 rows: an account with its roles in a registered organisation of the importer's area, and its mobile sealed
 * on the account (masked in the staff list). A mediator's organisation is their committee; dated memberships come with
 * the 调委会成员 kind. The first password is made at confirm, answered once to the importer and must be changed at
 * the first sign-in, or the importer takes a one-time sign-in link instead.
 */
@ApplicationScoped
public class StaffRows implements RowHandler<StaffRows.Row> {

    static final String USERNAME = "用户名";
    static final String NAME = "姓名";
    static final String ROLES = "角色";
    static final String ORG_NAME = "所属机构名称";
    static final String ORG_REGION = "所属机构区划代码";
    static final String MOBILE = "手机号";

    private static final Pattern USERNAME_PATTERN = Pattern.compile("[A-Za-z0-9_.\\-]{3,64}");
    static final Map<String, String> ROLE_LABELS = new LinkedHashMap<>();

    static {
        ROLE_LABELS.put("调解员", Roles.MEDIATOR);
        ROLE_LABELS.put("司法所工作人员", Roles.JUDICIAL_OFFICE);
        ROLE_LABELS.put("法律援助工作人员", Roles.AID_OFFICER);
        ROLE_LABELS.put("律师", Roles.LAWYER);
        ROLE_LABELS.put("司法局管理员", Roles.BUREAU_ADMIN);
    }

    public record Row(String username, String displayName, Set<String> roles, ImportContext.OrgRef organisation,
                      String mobile) {
    }

    private final StaffService staff;
    private final ImportStore store;

    public StaffRows(StaffService staff, ImportStore store) {
        this.staff = staff;
        this.store = store;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.STAFF;
    }

    /** The roles named in a cell ("调解员、司法所工作人员"), or null with the unknown label. */
    static Set<String> roles(String cell, RowCheck row) {
        Set<String> roles = new LinkedHashSet<>();
        for (String label : cell.split("[、,，;；/\\s]+")) {
            if (label.isBlank()) {
                continue;
            }
            String role = ROLE_LABELS.get(label);
            if (role == null && ROLE_LABELS.containsValue(label.toUpperCase())) {
                role = label.toUpperCase();
            }
            if (role == null) {
                row.fail(ROLES, "未知角色：" + label + "（应为 " + String.join("、", ROLE_LABELS.keySet()) + "）");
                return null;
            }
            roles.add(role);
        }
        if (roles.isEmpty()) {
            row.fail(ROLES, "必填");
            return null;
        }
        return roles;
    }

    @Override
    public Row parse(RowCheck row, ImportContext ctx) {
        String username = row.text(USERNAME, true, 64);
        if (username != null && !USERNAME_PATTERN.matcher(username).matches()) {
            row.fail(USERNAME, "用户名为 3 至 64 位字母、数字或 _ . -");
            username = null;
        }
        String name = row.text(NAME, true, 50);
        String roleCell = row.text(ROLES, true, 100);
        Set<String> roles = roleCell == null ? null : roles(roleCell, row);
        String orgName = row.text(ORG_NAME, true, 100);
        String orgRegion = row.regionCode(ORG_REGION, true);
        String mobile = row.mobile(MOBILE, false);
        ImportContext.OrgRef org = null;
        if (orgName != null && orgRegion != null) {
            org = ctx.scope().covers(orgRegion) ? ctx.organisation(orgRegion, orgName) : null;
            if (org == null) {
                row.fail(ORG_NAME, "本单位管辖范围内没有登记机构“" + orgName + "”（区划 " + orgRegion + "），请先导入机构");
            } else if (roles != null) {
                String misfit = StaffRolePolicy.misfit(roles, org.type());
                if (misfit != null) {
                    row.fail(ROLES, "角色 " + misfit + " 不适用于该类机构");
                }
            }
        }
        if (username != null && row.ok() && ctx.usernameTaken(username)
                && !ctx.imported(RowKey.of(kind(), List.of(username)))) {
            row.fail(USERNAME, "用户名 " + username + " 已被使用");
        }
        return row.ok() ? new Row(username, name, roles, org, mobile) : null;
    }

    @Override
    public List<String> keyParts(Row row) {
        return List.of(row.username());
    }

    @Override
    public String recordType() {
        return "account";
    }

    @Override
    public Uni<String> apply(Row row, int rowNo, ImportContext ctx) {
        return store.initialPasswordHash(ctx.importId(), rowNo).chain(hash -> {
            if (hash == null) {
                throw DomainException.conflict("第 " + rowNo + " 行没有初始密码，请重新确认导入");
            }
            return staff.createWithInitialPassword(row.username(), hash, row.displayName(), row.organisation().id(),
                    row.roles(), row.mobile(), ctx.scope(), ctx.actor());
        }).map(m -> m.account().id.toString());
    }
}
