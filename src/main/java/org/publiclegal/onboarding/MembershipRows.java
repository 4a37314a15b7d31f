package org.publiclegal.onboarding;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.identity.MembershipService;
import org.publiclegal.identity.StaffContact;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.shared.validation.DateBounds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 调委会成员 rows: a mediator (by username, or by name and the mobile registered on the account) served in a committee
 * of the importer's area from 加入日期 until 退出日期 (the first day no longer a member; empty while serving), added
 * through {@link MembershipService#addSpan} with the same rules as by hand: the committee on the register that day,
 * no day shared with another membership of the mediator (registered or on an earlier row). A membership starting
 * before the account's 启用日期 moves that day back (the service's rule), so {@code register_mediators} counts the
 * mediator from then.
 */
@ApplicationScoped
public class MembershipRows implements RowHandler<MembershipRows.Row> {

    static final String USERNAME = "用户名";
    static final String NAME = "姓名";
    static final String MOBILE = "手机号";
    static final String COMMITTEE = "调委会名称";
    static final String COMMITTEE_REGION = "调委会区划代码";
    static final String FROM = "加入日期";
    static final String UNTIL = "退出日期";
    static final String NOTE = "备注";
    static final String DEFAULT_REASON = "调委会成员名册导入";

    public record Row(UUID accountId, UUID committeeId, String committeeRegion, String committeeName, LocalDate from,
                      LocalDate until, String reason, boolean registered) {
    }

    private final MembershipService memberships;
    private final StaffContact contact;
    private final RegisterLookups lookups;
    /** One pass: each mediator's spans, registered and from earlier rows. */
    private final PerImport<Map<UUID, List<MembershipSpans.Span>>> spans = new PerImport<>(HashMap::new);

    public MembershipRows(MembershipService memberships, StaffContact contact, RegisterLookups lookups) {
        this.memberships = memberships;
        this.contact = contact;
        this.lookups = lookups;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.MEMBERSHIPS;
    }

    private RegisterLookups.StaffAccount mediator(RowCheck row, ImportContext ctx) {
        String username = row.text(USERNAME, false, 64);
        String name = row.text(NAME, false, 50);
        String mobile = row.mobile(MOBILE, false);
        if (username != null) {
            RegisterLookups.StaffAccount a = lookups.staffByUsername(username);
            if (a == null) {
                row.fail(USERNAME, "没有用户名为 " + username + " 的工作人员（请先导入工作人员）");
            }
            return a;
        }
        if (name == null || mobile == null) {
            if (row.raw(MOBILE) == null || name == null) {
                row.fail(USERNAME, "请填写用户名，或同时填写姓名和手机号");
            }
            return null;
        }
        String prefix = ctx.scope().regionPrefix();
        List<RegisterLookups.StaffAccount> found = new ArrayList<>();
        for (RegisterLookups.StaffAccount a : lookups.staffByName(name, prefix == null ? "" : prefix,
                prefix == null ? "\uffff" : prefix + ":")) {
            if (mobile.equals(contact.openMobile(a.id(), a.mobileCipher(), a.mobileKeyId()))) {
                found.add(a);
            }
        }
        if (found.isEmpty()) {
            row.fail(MOBILE, "本单位管辖范围内没有姓名为 " + name + "、登记了该手机号的工作人员");
            return null;
        }
        if (found.size() > 1) {
            row.fail(MOBILE, "有 " + found.size() + " 个同名且同手机号的账号，请填写用户名");
            return null;
        }
        return found.get(0);
    }

    @Override
    public Row parse(RowCheck row, ImportContext ctx) {
        RegisterLookups.StaffAccount account = mediator(row, ctx);
        String committeeName = row.text(COMMITTEE, true, 100);
        String committeeRegion = row.regionCode(COMMITTEE_REGION, true);
        LocalDate from = row.date(FROM, true, DateBounds.EARLIEST, ctx.today());
        LocalDate until = row.date(UNTIL, false, DateBounds.EARLIEST, DateBounds.LATEST_PLANNED);
        String note = row.text(NOTE, false, 200);
        if (account != null) {
            if (!account.roles().contains(Roles.MEDIATOR)) {
                row.fail(USERNAME, "该账号不是人民调解员（角色须含调解员）");
            } else if (!ctx.scope().covers(account.regionCode())) {
                row.fail(USERNAME, "只能管理本单位管辖范围内的人民调解员");
            }
        }
        ImportContext.OrgRef committee = null;
        if (committeeName != null && committeeRegion != null) {
            committee = ctx.scope().covers(committeeRegion) ? ctx.organisation(committeeRegion, committeeName) : null;
            if (committee == null) {
                row.fail(COMMITTEE, "本单位管辖范围内没有登记调委会“" + committeeName + "”（区划 " + committeeRegion + "）");
            } else if (committee.type() != OrganisationType.MEDIATION_COMMITTEE) {
                row.fail(COMMITTEE, "“" + committeeName + "”不是人民调解委员会");
                committee = null;
            }
        }
        if (from != null && until != null) {
            String why = MembershipSpans.spanError(from, until);
            if (why != null) {
                row.fail(UNTIL, why);
            }
        }
        if (committee != null && from != null) {
            LocalDate[] span = lookups.organisationSpan(committee.id());
            if (span == null || span[0] == null || span[0].isAfter(from) || (span[1] != null && !span[1].isAfter(from))) {
                row.fail(FROM, "该调委会在 " + from + " 不在册" + (span != null && span[0] != null
                        ? "（在册自 " + span[0] + "）" : ""));
            }
        }
        if (!row.ok()) {
            return null;
        }
        Map<UUID, List<MembershipSpans.Span>> known = spans.of(ctx);
        List<MembershipSpans.Span> mine = known.computeIfAbsent(account.id(), id -> {
            List<MembershipSpans.Span> list = new ArrayList<>();
            lookups.memberships(id).forEach(m -> list.add(new MembershipSpans.Span(m.committeeId(), m.from(), m.until())));
            return list;
        });
        final UUID committeeId = committee.id();
        boolean registered = mine.stream().anyMatch(m -> m.committeeId().equals(committeeId)
                && m.from().equals(from) && java.util.Objects.equals(m.until(), until));
        Row r = new Row(account.id(), committeeId, committeeRegion, committeeName, from, until,
                note == null ? DEFAULT_REASON : note, registered);
        if (!registered && !ctx.imported(RowKey.of(kind(), keyParts(r)))) {
            MembershipSpans.Span extended = MembershipSpans.extendable(mine, committeeId, from, until);
            List<MembershipSpans.Span> others = mine.stream().filter(m -> m != extended).toList();
            MembershipSpans.Span clash = MembershipSpans.overlapping(others, from,
                    extended != null ? extended.from() : until);
            if (clash != null) {
                row.fail(FROM, MembershipSpans.overlapMessage(clash));
                return null;
            }
            if (account.validFrom() != null && account.validFrom().isAfter(from)
                    && (account.validTo() != null || lookups.accountHasPastSpan(account.id()))) {
                row.fail(FROM, "加入日期早于该调解员账号的启用日期 " + account.validFrom() + "，且该账号曾停用，不能提前");
                return null;
            }
            mine.remove(extended);
            mine.add(new MembershipSpans.Span(committeeId, from, until));
        }
        return r;
    }

    @Override
    public List<String> keyParts(Row r) {
        return List.of(r.accountId().toString(), r.committeeRegion(), r.committeeName(), r.from().toString());
    }

    @Override
    public boolean alreadyRegistered(Row row, ImportContext ctx) {
        return row.registered();
    }

    @Override
    public String recordType() {
        return "committee_membership";
    }

    @Override
    public Uni<String> apply(Row r, int rowNo, ImportContext ctx) {
        return memberships.addSpan(new MembershipService.Span(r.accountId(), r.committeeId(), r.from(), r.until(),
                r.reason()), ctx.scope(), ctx.actor()).map(UUID::toString);
    }

}
