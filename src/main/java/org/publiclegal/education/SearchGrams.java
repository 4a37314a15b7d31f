package org.publiclegal.education;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Chinese keyword search without a word segmenter: a text is indexed as its character bigrams and single
 * characters (Chinese runs) and whole words (Latin letters and digits), kept in a GIN-indexed array; a query
 * becomes the bigrams (or the single character) and words it must contain, and the candidate rows are then
 * checked for the query text itself. So 劳动合同 (bigrams 劳动, 动合, 合同) finds 签订劳动合同要注意什么, and a
 * two-character query such as 离婚 is one index key. pg_trgm is not used: its trigrams miss two-character
 * words and whether it extracts CJK characters at all depends on the database's LC_CTYPE.
 * <p>
 * Normalisation (both sides): NFKC (full-width Ａ１ → A1), lower-case, every character that is not a letter
 * or digit becomes a space, runs of spaces collapse.
 */
public final class SearchGrams {

    /** What a query must match: index keys ({@code grams}) and the texts the row must contain ({@code segments}). */
    public record Query(List<String> grams, List<String> segments) {
    }

    private SearchGrams() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        boolean space = true;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return out.toString();
    }

    /** The index keys of a text: each Chinese character and bigram, each Latin/digit word; sorted, no duplicates. */
    public static List<String> grams(String text) {
        SortedSet<String> grams = new TreeSet<>();
        for (String run : runs(normalize(text))) {
            if (isHan(run.codePointAt(0))) {
                int[] cps = run.codePoints().toArray();
                for (int i = 0; i < cps.length; i++) {
                    grams.add(new String(cps, i, 1));
                    if (i + 1 < cps.length) {
                        grams.add(new String(cps, i, 2));
                    }
                }
            } else {
                grams.add(run);
            }
        }
        return List.copyOf(grams);
    }

    /**
     * The keys a query needs: for a Chinese run bigrams that cover it without overlapping (劳动合同: 劳动, 合同;
     * an odd run also takes its last bigram: 劳动合同法: 劳动, 合同, 同法), its single character if it has one;
     * for a Latin/digit run the word. Empty when the query has no letter or digit. Every key is in any text
     * that contains the run, and the rows found are checked for the text itself, so covering is enough; the
     * overlapping bigrams (动合) would only make the planner, which multiplies the keys' frequencies, expect
     * far fewer matches than there are and sort them all instead of walking the latest index.
     */
    public static Query query(String q) {
        String normalized = normalize(q);
        SortedSet<String> grams = new TreeSet<>();
        for (String run : runs(normalized)) {
            if (isHan(run.codePointAt(0))) {
                int[] cps = run.codePoints().toArray();
                if (cps.length == 1) {
                    grams.add(run);
                }
                for (int i = 0; i + 1 < cps.length; i += 2) {
                    grams.add(new String(cps, i, 2));
                }
                if (cps.length % 2 == 1 && cps.length > 1) {
                    grams.add(new String(cps, cps.length - 2, 2));
                }
            } else {
                grams.add(run);
            }
        }
        List<String> segments = normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
        return new Query(List.copyOf(grams), segments);
    }

    /** Maximal runs of Chinese characters or of other letters/digits, in a normalised text. */
    static List<String> runs(String normalized) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        Boolean han = null;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ') {
                flush(runs, run);
                han = null;
                continue;
            }
            boolean h = isHan(cp);
            if (han != null && h != han) {
                flush(runs, run);
            }
            han = h;
            run.appendCodePoint(cp);
        }
        flush(runs, run);
        return runs;
    }

    private static void flush(List<String> runs, StringBuilder run) {
        if (!run.isEmpty()) {
            runs.add(run.toString());
            run.setLength(0);
        }
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
