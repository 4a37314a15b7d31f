package org.publiclegal.onboarding;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of an imported 村（居）法律顾问合同 row that need no database, unit-tested on their own: the villages cell,
 * the term (ContractService's rule: not ending before it starts, under 5 years), the 签订日期 (not after the term
 * ends) and the order of signing: coverage is written to the ledger as of each contract's signing day, and a
 * village's coverage once written through a day is never revisited, so a contract signed before that day cannot go in.
 */
public final class ContractRowRules {

    /** At most this many villages in one contract (as by hand). */
    public static final int MAX_VILLAGES = 30;

    private ContractRowRules() {
    }

    /** The village codes of a cell ("532932101001、532932101002"), in order, without repeats. */
    public static List<String> villages(String cell) {
        Set<String> codes = new LinkedHashSet<>();
        for (String part : cell.split("[、,，;；/\\s]+")) {
            if (!part.isBlank()) {
                codes.add(part.strip());
            }
        }
        return new ArrayList<>(codes);
    }

    /** Why the term {@code [startsOn, endsOn]} is refused, or null. */
    public static String termError(LocalDate startsOn, LocalDate endsOn) {
        if (endsOn.isBefore(startsOn)) {
            return "合同截止日期不能早于开始日期";
        }
        if (ChronoUnit.YEARS.between(startsOn, endsOn) >= 5) {
            return "合同期限不能超过 5 年";
        }
        return null;
    }

    /** Why the 签订日期 is refused, or null: a contract is signed at the latest on its last day. */
    public static String signedError(LocalDate signedOn, LocalDate endsOn) {
        return signedOn.isAfter(endsOn) ? "签订日期不能晚于合同截止日期 " + endsOn : null;
    }

    /**
     * Why a contract signed on {@code signedOn} cannot go in for a village whose coverage is already written through
     * {@code recordedThrough} in the database (null = nothing yet), or null. The same day is fine; the file's other
     * rows do not count, since the import enters them by signing day.
     */
    public static String orderError(LocalDate signedOn, LocalDate recordedThrough) {
        if (recordedThrough == null || !signedOn.isBefore(recordedThrough)) {
            return null;
        }
        return "该村（社区）的法律顾问覆盖情况已记录至 " + recordedThrough + "，签订日期更早的合同不能补录（已报送的数字不回溯改变）";
    }
}
