package org.publiclegal.shared.documents;

import java.util.regex.Pattern;

/**
 * 文书字号 in the local form: prefix, the year in 六角括号, the yearly sequence and 号, e.g. 鹤司调〔2026〕12号.
 * The sequence starts at 1 each year and carries no leading zeros.
 */
public final class DocumentNumbering {

    /** A prefix: 1 to 10 Chinese characters (机关代字), no digits, brackets or spaces. */
    public static final Pattern PREFIX = Pattern.compile("^[\\u4e00-\\u9fa5]{1,10}$");
    public static final String PREFIX_MESSAGE = "字号前缀为 1 至 10 个汉字（机关代字），如“鹤司调”";

    private DocumentNumbering() {
    }

    public static String format(String prefix, int year, int sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        return prefix + "〔" + year + "〕" + sequence + "号";
    }

    /**
     * The prefix an organisation has until its own is set: its name's first character and the kind's suffix
     * (鹤庆县法律援助中心 → 鹤援决). Names that start with a non-Chinese character fall back to the suffix alone.
     */
    public static String defaultPrefix(String organisationName, DocumentKind kind) {
        if (organisationName == null || organisationName.isEmpty()) {
            return kind.defaultSuffix();
        }
        String first = organisationName.substring(0, 1);
        return PREFIX.matcher(first).matches() ? first + kind.defaultSuffix() : kind.defaultSuffix();
    }

    public static boolean validPrefix(String prefix) {
        return prefix != null && PREFIX.matcher(prefix).matches();
    }
}
