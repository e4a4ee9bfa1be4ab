package dev.ferry.app.gui.assessment;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the line of the converted SQL that corresponds to a line of the source, for navigation only (the converter
 * keeps no line map): the converted line sharing the most identifier-like words with the source line wins; ties go to
 * the line at the same relative position; with no shared word, the relative position alone decides. Never used to
 * change SQL. Stateless.
 */
public final class LineMatcher {

    private static final Set<String> NOISE = Set.of("and", "or", "not", "null", "as", "is", "in", "on", "by", "to", "the",
            "end", "then", "else", "when", "begin", "from", "where", "select", "create", "replace", "table", "view");

    private LineMatcher() {
    }

    /**
     * @param sourceLine      text of the source line
     * @param relative        position of the source line within its statement, 0..1
     * @param converted       the converted SQL
     * @return 0-based line of {@code converted}
     */
    public static int bestLine(String sourceLine, double relative, String converted) {
        String[] lines = converted.split("\n", -1);
        if (lines.length <= 1) {
            return 0;
        }
        Set<String> words = words(sourceLine);
        int expected = (int) Math.round(Math.max(0, Math.min(1, relative)) * (lines.length - 1));
        int best = expected;
        int bestScore = 0;
        for (int i = 0; i < lines.length; i++) {
            Set<String> w = words(lines[i]);
            w.retainAll(words);
            int score = w.size();
            if (score > bestScore || (score == bestScore && score > 0 && Math.abs(i - expected) < Math.abs(best - expected))) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    static Set<String> words(String line) {
        Set<String> out = new HashSet<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= line.length(); i++) {
            char c = i < line.length() ? line.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                b.append(Character.toLowerCase(c));
            } else {
                if (b.length() > 1 && !Character.isDigit(b.charAt(0))) {
                    String w = b.toString().toLowerCase(Locale.ROOT);
                    if (!NOISE.contains(w)) {
                        out.add(w);
                    }
                }
                b.setLength(0);
            }
        }
        return out;
    }
}
