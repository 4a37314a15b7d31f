package org.publiclegal.onboarding;

import org.publiclegal.region.Region;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.RegionCodes.Level;

/**
 * 行政区划代码 in an import below a county: 12 digits, a township (乡镇/街道, last three digits 000) or a village
 * (村/社区), inside the importer's area, whose parent is the code with its last group zeroed.
 */
public final class RegionCodeRules {

    private RegionCodeRules() {
    }

    /** Why {@code code} cannot be a region imported below {@code scopeRoot}, or null when it can. */
    public static String problem(String code, String scopeRoot) {
        if (!RegionCodes.isValid(code)) {
            return "行政区划代码应为 12 位数字";
        }
        Level level = RegionCodes.levelOf(code);
        if (level != Level.TOWNSHIP && level != Level.VILLAGE) {
            return "只能导入县级以下的乡镇（街道）和村（社区）";
        }
        if (!RegionCodes.within(code, scopeRoot) || code.equals(scopeRoot)) {
            return "行政区划 " + code + " 不在本单位管辖范围内";
        }
        return null;
    }

    /** The parent a code is checked against: the township of a village, the county of a township. */
    public static String parentOf(String code) {
        return Region.parentOf(code);
    }
}
