package org.publiclegal.onboarding;

import org.publiclegal.identity.MobileNumbers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the cells of one imported row by their Chinese column header and collects every problem (it does not stop
 * at the first): a required cell left empty, text too long, a date, number, choice, mobile or region code that
 * cannot be read or lies out of bounds. The readers answer null for an empty or bad cell.
 */
public final class RowCheck {


    private final int rowNo;
    private final Map<String, String> cells;
    private final List<RowError> errors = new ArrayList<>();

    public RowCheck(int rowNo, Map<String, String> cells) {
        this.rowNo = rowNo;
        this.cells = cells;
    }

    public int rowNo() {
        return rowNo;
    }

    public List<RowError> errors() {
        return errors;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Records a problem of {@code column} (null: the row as a whole). */
    public void fail(String column, String message) {
        errors.add(new RowError(rowNo, column, message));
    }

    /** The stripped cell, or null when empty. */
    public String raw(String column) {
        String v = cells.get(column);
        if (v == null) {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    /** Text of at most {@code maxLength} characters; null when empty (a problem if {@code required}). */
    public String text(String column, boolean required, int maxLength) {
        String v = raw(column);
        if (v == null) {
            if (required) {
                fail(column, "必填");
            }
            return null;
        }
        if (v.length() > maxLength) {
            fail(column, "最多 " + maxLength + " 字");
            return null;
        }
        return v;
    }

    /** A date between {@code earliest} and {@code latest} (inclusive). */
    public LocalDate date(String column, boolean required, LocalDate earliest, LocalDate latest) {
        String v = text(column, required, 40);
        if (v == null) {
            return null;
        }
        LocalDate d = DateText.parse(v);
        if (d == null) {
            fail(column, "不是有效日期：" + v + "（应写作 2026-03-05）");
            return null;
        }
        if (d.isBefore(earliest)) {
            fail(column, "日期不能早于 " + earliest);
            return null;
        }
        if (d.isAfter(latest)) {
            fail(column, "日期不能晚于 " + latest);
            return null;
        }
        return d;
    }

    /** A whole number between {@code min} and {@code max} (inclusive); "12.0" as Excel writes it is 12. */
    public Integer number(String column, boolean required, int min, int max) {
        String v = text(column, required, 20);
        if (v == null) {
            return null;
        }
        String digits = v.endsWith(".0") ? v.substring(0, v.length() - 2) : v;
        int n;
        try {
            n = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            fail(column, "应为整数：" + v);
            return null;
        }
        if (n < min || n > max) {
            fail(column, "应在 " + min + " 至 " + max + " 之间");
            return null;
        }
        return n;
    }

    /** One of the labelled choices (the Chinese label as the template lists it, or the English constant). */
    public <E extends Enum<E>> E choice(String column, boolean required, Map<String, E> labels) {
        String v = text(column, required, 40);
        if (v == null) {
            return null;
        }
        E e = labels.get(v);
        if (e == null) {
            for (E candidate : labels.values()) {
                if (candidate.name().equalsIgnoreCase(v)) {
                    return candidate;
                }
            }
            fail(column, "应为以下之一：" + String.join("、", labels.keySet()));
        }
        return e;
    }

    /** A mainland mobile number (11 digits starting 1[3-9]; {@link MobileNumbers}, as the staff API takes it). */
    public String mobile(String column, boolean required) {
        String v = text(column, required, 20);
        if (v == null) {
            return null;
        }
        String digits = MobileNumbers.normalise(v);
        if (digits == null) {
            fail(column, MobileNumbers.INVALID);
        }
        return digits;
    }

    /** A 12-digit 行政区划代码 (digits only; whether it fits is the caller's check). */
    public String regionCode(String column, boolean required) {
        String v = text(column, required, 20);
        if (v == null) {
            return null;
        }
        if (v.length() != 12 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            fail(column, "行政区划代码应为 12 位数字：" + v);
            return null;
        }
        return v;
    }
}
