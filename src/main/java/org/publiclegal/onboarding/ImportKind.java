package org.publiclegal.onboarding;

import org.publiclegal.shared.security.Roles;

import java.util.List;
import java.util.Set;

/**
 * 导入类别: what one file holds, with its Chinese column headers (the template's first row; a trailing {@code *} marks a
 * required column and is ignored when reading), an example row and who may import it. Registers come first (regions,
 * then organisations, then staff, then advisors, their contracts and committee memberships), then the 台账 history.
 */
public enum ImportKind {

    /** 行政区划: the townships and villages below a county. */
    REGIONS("行政区划", Set.of(Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN),
            List.of(col("区划代码", true, "12 位统计用区划代码；乡镇末三位为 000，村（社区）的上级为同前 9 位的乡镇"),
                    col("名称", true, "如 云鹤镇、城关村")),
            List.of("532932101000", "云鹤镇")),

    /** 机构: 司法所, 人民调解委员会 (with their kind), 律师事务所, 法院, 法律援助中心. */
    ORGANISATIONS("机构", Set.of(Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN),
            List.of(col("机构类型", true, "司法所、人民调解委员会、律师事务所、法院、法律援助中心、司法局"),
                    col("调委会类别", false, "仅人民调解委员会填写：村（居）、乡镇（街道）、行业性专业性"),
                    col("机构名称", true, "全称，最多 100 字"),
                    col("所在区划代码", true, "12 位；司法所为乡镇，村（居）调委会为村"),
                    col("地址", false, "最多 200 字"),
                    col("电话", false, "最多 30 字"),
                    col("成立日期", false, "机构成立（启用）日期，如 2015-06-01，不早于 2000-01-01、不晚于今天；自该日起在册"
                            + "（可导入此后的调委会成员、台账）；不填则自导入之日起在册")),
            List.of("人民调解委员会", "村（居）", "城关村人民调解委员会", "532932101001", "云鹤镇城关村村委会", "0872-4111111",
                    "2015-06-01")),

    /** 工作人员: accounts with their role and organisation; a mediator's organisation is their committee (调委会成员). */
    STAFF("工作人员", Set.of(Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN),
            List.of(col("用户名", true, "3 至 64 位字母、数字或 _ . -，全县唯一"),
                    col("姓名", true, "最多 50 字"),
                    col("角色", true, "调解员、司法所工作人员、法律援助工作人员、律师、司法局管理员；多个用、分隔"),
                    col("所属机构名称", true, "须已登记（先导入机构）"),
                    col("所属机构区划代码", true, "所属机构的所在区划代码"),
                    col("手机号", false, "11 位手机号；加密保存，列表中脱敏显示")),
            List.of("lisi-cg", "李四", "调解员", "城关村人民调解委员会", "532932101001", "13800000000")),

    /** 法律顾问: the practice record of a LAWYER account (imported as 工作人员 first, with its 律师事务所 and mobile). */
    ADVISORS("法律顾问", Set.of(Roles.BUREAU_ADMIN, Roles.JUDICIAL_OFFICE, Roles.SYSTEM_ADMIN),
            List.of(col("用户名", true, "律师的工作人员账号（先导入工作人员：角色为律师，所属机构为律师事务所或法律服务所）"),
                    col("姓名", false, "填写时须与账号姓名一致，用于核对"),
                    col("执业类别", true, "律师、基层法律服务工作者、公职律师"),
                    col("执业证号", true, "6 至 32 位数字或字母，全县唯一"),
                    col("首次执业年份", true, "如 2012，不早于 1950 年、不晚于今年")),
            List.of("wangwu-hy", "王五", "律师", "15329201210000001", "2012")),

    /** 村（居）法律顾问合同: an advisor and the villages covered over a term, entered as of its signing day. */
    CONTRACTS("村（居）法律顾问合同", Set.of(Roles.BUREAU_ADMIN, Roles.JUDICIAL_OFFICE, Roles.SYSTEM_ADMIN),
            List.of(col("法律顾问用户名", true, "已登记的法律顾问（先导入法律顾问）"),
                    col("服务村（社区）代码", true, "12 位区划代码，多个用、分隔，最多 30 个，须在本单位辖区内"),
                    col("合同开始日期", true, "如 2025-07-01"),
                    col("合同截止日期", true, "如 2026-06-30（当日仍有效），期限不超过 5 年"),
                    col("签订日期", true, "不晚于今天和合同截止日期；覆盖率自签订日期按合同期限记入各月。"
                            + "各行顺序不限，导入时按签订日期先后写入"),
                    col("每月驻村服务小时", false, "1 至 200，默认 4"),
                    col("每季度讲座场次", false, "0 至 30，默认 1")),
            List.of("wangwu-hy", "532932101001、532932101002", "2025-07-01", "2026-06-30", "2025-06-20", "4", "1")),

    /** 调委会成员: a mediator's membership of a committee over dated spans. */
    MEMBERSHIPS("调委会成员", Set.of(Roles.BUREAU_ADMIN, Roles.JUDICIAL_OFFICE, Roles.SYSTEM_ADMIN),
            List.of(col("用户名", false, "调解员的工作人员账号；不填时按姓名和手机号查找"),
                    col("姓名", false, "不填用户名时必填"),
                    col("手机号", false, "不填用户名时必填（与账号登记的手机号一致）"),
                    col("调委会名称", true, "已登记的人民调解委员会"),
                    col("调委会区划代码", true, "调委会的所在区划代码，须在本单位辖区内"),
                    col("加入日期", true, "如 2025-01-01，不晚于今天；须在调委会在册期间"),
                    col("退出日期", false, "不再是成员的第一天；仍在任不填"),
                    col("备注", false, "加入原因等，最多 200 字")),
            List.of("lisi-cg", "李四", "13800000000", "城关村人民调解委员会", "532932101001", "2025-01-01", "", "换届选任")),

    /** 矛盾纠纷排查台账: screening rounds, dated as they happened. */
    SCREENINGS("矛盾纠纷排查台账", Set.of(Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN, Roles.JUDICIAL_OFFICE, Roles.MEDIATOR),
            List.of(col("排查日期", true, "如 2026-03-05，不晚于今天"),
                    col("排查地区代码", true, "村（社区）或乡镇的 12 位区划代码"),
                    col("排查地点", true, "最多 200 字"),
                    col("走访户数", true, "0 至 100000"),
                    col("发现纠纷数", true, "0 至 10000"),
                    col("风险等级", true, "低、中、高"),
                    col("备注", false, "最多 1000 字，请勿填写身份证号等个人信息")),
            List.of("2026-03-05", "532932101001", "村委会及第三村民小组", "36", "2", "中", "宅基地边界纠纷两起")),

    /** 法律援助咨询台账: consultations, dated as they happened, counted in 人次. */
    CONSULTATIONS("法律援助咨询台账", Set.of(Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN, Roles.AID_OFFICER),
            List.of(col("咨询日期", true, "如 2026-03-05，不晚于今天"),
                    col("咨询人所在区划代码", true, "12 位区划代码"),
                    col("咨询渠道", true, "窗口、12348热线、网络、村居"),
                    col("事项类别", true, "劳动报酬、工伤、人身损害、赡养抚养扶养、社会保险救助、国家赔偿、抚恤金、"
                            + "民事行为能力、环境污染、刑事辩护、刑事被害人、申诉再审、其他民事行政、其他"),
                    col("人次", true, "1 至 500"),
                    col("摘要", false, "最多 1000 字，请勿填写身份证号等个人信息")),
            List.of("2026-03-05", "532932101001", "窗口", "劳动报酬", "1", "务工工资被拖欠，告知申请条件")),

    /** 人民调解案件台账: cases a committee concluded, dated as they happened (received, concluded, 司法确认). */
    MEDIATION_CASES("人民调解案件台账", Set.of(Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN, Roles.JUDICIAL_OFFICE, Roles.MEDIATOR),
            List.of(col("受理日期", true, "如 2026-03-05，不晚于今天"),
                    col("纠纷发生地区划代码", true, "村（社区）的 12 位区划代码，须在本单位服务区域内"),
                    col("调委会名称", true, "已登记的人民调解委员会全称，须服务纠纷发生地"),
                    col("案件来源", true, "当事人申请、来访、来电、主动调解、派出所移送、信访部门移送、其他部门移送、诉前委派、"
                            + "委托调解、委托调解（简易程序）"),
                    col("移送单位", false, "移送的案件填写，如 云鹤派出所"),
                    col("法院名称", false, "诉前委派、委托调解和申请司法确认的案件填写，须已登记"),
                    col("法院案号", false, "诉前委派、委托调解的案件必填：法院委派或委托的案号，如 (2026)云2932民诉前调123号"),
                    col("纠纷类型", true, "邻里纠纷、婚姻家庭纠纷、劳动纠纷、土地山林纠纷、物业纠纷、消费纠纷、交通事故纠纷、"
                            + "医疗纠纷、损害赔偿纠纷、其他"),
                    col("纠纷简要情况", false, "最多 1000 字，加密保存"),
                    col("申请人", true, "姓名或单位名称，可为台账中已脱敏的写法（如 张*）；多人以、分隔；加密保存"),
                    col("申请人身份证号", false, "18 位，或台账中已脱敏的写法（如 532932********1234）；加密保存"),
                    col("被申请人", true, "姓名或单位名称；多人以、分隔；加密保存"),
                    col("被申请人身份证号", false, "同申请人身份证号"),
                    col("调解员", false, "本调委会已登记的调解员姓名，多人以、分隔"),
                    col("调解结果", true, "调解成功、调解不成、终止调解（计入调解不成）、撤回（不计入调解矛盾纠纷）"),
                    col("协议形式", false, "调解成功的案件填写：书面、口头"),
                    col("结案日期", true, "调解成功为协议生效日；不早于受理日期"),
                    col("司法确认申请日期", false, "申请司法确认的案件填写；不早于结案日期"),
                    col("司法确认结果", false, "确认有效、驳回；尚未裁定的不填"),
                    col("司法确认裁定日期", false, "有裁定结果时填写；不早于申请日期")),
            List.of("2026-03-05", "532932101001", "城关村人民调解委员会", "来访", "", "", "", "邻里纠纷",
                    "宅基地边界争议", "张*", "", "李*", "", "王五", "调解成功", "口头", "2026-03-12", "", "", "")),

    /** 法律援助案件台账: matters a legal aid centre handled, dated as they happened (received, decided, assigned, closed). */
    AID_CASES("法律援助案件台账", Set.of(Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN, Roles.AID_OFFICER),
            List.of(col("收到申请日期", true, "如 2026-03-05，不晚于今天"),
                    col("受援人所在区划代码", true, "12 位区划代码，须在本单位服务区域内"),
                    col("受援人姓名", true, "可为台账中已脱敏的写法；加密保存"),
                    col("受援人身份证号", false, "18 位，或台账中已脱敏的写法；加密保存"),
                    col("事项类别", true, "劳动报酬、工伤、人身损害、赡养抚养扶养、社会保险救助、国家赔偿、抚恤金、"
                            + "民事行为能力、环境污染、刑事辩护、刑事被害人、申诉再审、其他民事行政、其他"),
                    col("服务形式", true, "法律咨询、代拟法律文书、刑事辩护与代理、民事行政代理、值班律师法律帮助、"
                            + "劳动争议调解与仲裁代理、其他"),
                    col("审查结果", true, "给予、不予"),
                    col("决定日期", true, "不早于收到申请日期"),
                    col("决定理由", false, "最多 500 字"),
                    col("承办机构", false, "给予的案件必填：本县已登记的律师事务所或本法律援助中心的名称"),
                    col("承办人", false, "承办机构已登记的律师姓名"),
                    col("指派日期", false, "给予的案件必填；不早于决定日期"),
                    col("结案日期", false, "已结案的填写；不早于指派日期"),
                    col("结案情况", false, "已结案的填写：胜诉、部分胜诉、调解和解、败诉、服务完成、其他"),
                    col("挽回经济损失（元）", false, "已结案的填写，如 18600.50，最多两位小数"),
                    col("案情摘要", false, "最多 1000 字，加密保存")),
            List.of("2026-03-05", "532932101001", "字*富", "", "劳动报酬", "民事行政代理", "给予", "2026-03-08", "",
                    "鹤庆县法律援助中心", "", "2026-03-09", "2026-06-20", "调解和解", "18600.00", "讨要工资"));

    /** A column of the template: its Chinese header, whether it must be filled, and a note for the 填写说明 sheet. */
    public record Column(String header, boolean required, String note) {
    }

    private final String label;
    private final Set<String> roles;
    private final List<Column> columns;
    private final List<String> example;

    ImportKind(String label, Set<String> roles, List<Column> columns, List<String> example) {
        this.label = label;
        this.roles = roles;
        this.columns = columns;
        this.example = example;
    }

    private static Column col(String header, boolean required, String note) {
        return new Column(header, required, note);
    }

    public String label() {
        return label;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> example() {
        return example;
    }

    /** Whether a caller with {@code callerRoles} may import this kind. */
    public boolean importableBy(Set<String> callerRoles) {
        return callerRoles.stream().anyMatch(roles::contains);
    }

    /** Whether this kind is 台账 history (dated records counted in the ledger) rather than a register. */
    public boolean isHistory() {
        return this == SCREENINGS || this == CONSULTATIONS || this == MEDIATION_CASES || this == AID_CASES;
    }

    /** The required headers missing from a file's header row. */
    public List<String> missingHeaders(java.util.Collection<String> headers) {
        return columns.stream().filter(Column::required).map(Column::header).filter(h -> !headers.contains(h)).toList();
    }
}
