package io.jenkins.plugins.eks2aks.plan;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes storage quantities ({@code 20Gi}, {@code 500M}, {@code 1e9}) in bytes. */
final class Quantities {

    private static final Pattern QUANTITY = Pattern.compile("([0-9]+(?:\\.[0-9]+)?(?:[eE][0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?");
    private static final Map<String, Long> FACTORS = Map.ofEntries(
            Map.entry("Ki", 1L << 10), Map.entry("Mi", 1L << 20), Map.entry("Gi", 1L << 30), Map.entry("Ti", 1L << 40),
            Map.entry("Pi", 1L << 50), Map.entry("Ei", 1L << 60), Map.entry("k", 1_000L), Map.entry("M", 1_000_000L),
            Map.entry("G", 1_000_000_000L), Map.entry("T", 1_000_000_000_000L), Map.entry("P", 1_000_000_000_000_000L),
            Map.entry("E", 1_000_000_000_000_000_000L));

    private Quantities() {
    }

    /** The bytes {@code quantity} names, or -1 when it is empty or not a storage quantity. */
    static long bytes(String quantity) {
        Matcher m = QUANTITY.matcher(quantity == null ? "" : quantity.trim());
        if (!m.matches()) {
            return -1;
        }
        BigDecimal value = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(m.group(2) == null ? 1 : FACTORS.get(m.group(2))));
        return value.setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    }
}
