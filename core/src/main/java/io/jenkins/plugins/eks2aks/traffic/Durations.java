package io.jenkins.plugins.eks2aks.traffic;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them on a command line: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 0}. */
public final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /**
     * @param option the option's name in the caller's words, for the error
     * @throws MigrationException naming {@code option} and the accepted forms
     */
    public static Duration parse(String value, String option) {
        Matcher m = FORM.matcher(value == null ? "" : value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new MigrationException(option + " '" + value + "' is not a duration: write e.g. 500ms, 30s, 5m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? (n == 0 ? "s" : "") : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> throw new MigrationException(option + " '" + value + "' has no unit: write e.g. " + n + "s or " + n + "m");
        };
    }

    /** {@code 5m}, {@code 30s}, {@code 500ms}: the shortest exact form. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
