package io.jenkins.plugins.eks2aks.velero;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Velero and kubectl write them ({@code 720h}, {@code 1h30m}, {@code 90s}), and Go's canonical form
 * ({@code 720h0m0s}), which is what Velero stores: comparing the canonical forms tells a re-run's TTL from another.
 */
public final class GoDurations {

    private static final Pattern FORM = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private GoDurations() {
    }

    /**
     * @param option the option's name for the message
     * @throws MigrationException naming the option when {@code text} is not hours, minutes and seconds
     */
    public static Duration parse(String text, String option) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (text == null || text.isBlank() || !m.matches()) {
            throw new MigrationException(option + " '" + text + "' is not a duration: write hours, minutes and seconds, e.g. 2h, 90m, 720h or 1h30m");
        }
        long seconds = 0;
        seconds += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 3600;
        seconds += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60;
        seconds += m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return Duration.ofSeconds(seconds);
    }

    /** Go's {@code time.Duration.String()} for whole seconds: {@code 720h0m0s}, {@code 30m0s}, {@code 45s}, {@code 0s}. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60) + "s";
        }
        return (s / 3600) + "h" + (s % 3600 / 60) + "m" + (s % 60) + "s";
    }
}
