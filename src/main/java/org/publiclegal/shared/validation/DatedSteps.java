package org.publiclegal.shared.validation;

import org.publiclegal.shared.domain.DomainException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 历史记录的日期顺序: the dates of a record entered after the fact (a case from a 台账: received, decided, assigned,
 * closed …) each lie between {@link DateBounds#EARLIEST} and today (China time), and each given date is no earlier
 * than the given date before it. A date left empty is skipped (the next one is compared with the last one given).
 */
public final class DatedSteps {

    /** One dated step: its Chinese name (as the column or field is labelled) and its date, null when not given. */
    public record Step(String field, String label, LocalDate on) {
    }

    /** A problem with one step's date. */
    public record Problem(String field, String label, String message) {
    }

    private DatedSteps() {
    }

    public static Step step(String field, String label, LocalDate on) {
        return new Step(field, label, on);
    }

    /** Every problem of the steps, in order; empty when the dates are all fine. */
    public static List<Problem> problems(List<Step> steps, LocalDate today) {
        List<Problem> out = new ArrayList<>();
        Step previous = null;
        for (Step s : steps) {
            if (s.on() == null) {
                continue;
            }
            if (s.on().isBefore(DateBounds.EARLIEST)) {
                out.add(new Problem(s.field(), s.label(), s.label() + "不能早于 " + DateBounds.EARLIEST));
                continue;
            }
            if (s.on().isAfter(today)) {
                out.add(new Problem(s.field(), s.label(), s.label() + "不能晚于今天（" + today + "）"));
                continue;
            }
            if (previous != null && s.on().isBefore(previous.on())) {
                out.add(new Problem(s.field(), s.label(), s.label() + "（" + s.on() + "）不能早于" + previous.label()
                        + "（" + previous.on() + "）"));
                continue;
            }
            previous = s;
        }
        return out;
    }

    /** Throws the first problem as a 400 naming its field. */
    public static void require(List<Step> steps, LocalDate today) {
        List<Problem> problems = problems(steps, today);
        if (!problems.isEmpty()) {
            throw DomainException.invalidField(problems.get(0).field(), problems.get(0).message());
        }
    }
}
