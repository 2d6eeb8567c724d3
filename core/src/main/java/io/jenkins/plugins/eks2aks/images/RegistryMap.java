package io.jenkins.plugins.eks2aks.images;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where each ECR image goes in Azure Container Registry. Keys are an ECR host, or an ECR host with a
 * repository prefix; values are an ACR login server, optionally with a repository prefix. The longest
 * matching key wins, so one repository can be sent elsewhere than the rest of its registry. Images of an
 * ECR host with no entry go to the default ACR when one is set.
 *
 * <p>Immutable; build it once at the edge (CLI flags, step parameters, mapping file).
 */
public final class RegistryMap {

    private static final Pattern ECR_KEY = Pattern.compile(
            "^\\d{12}\\.dkr\\.ecr(?:-fips)?\\.[a-z0-9-]+\\.amazonaws\\.com(?:\\.cn)?(?:/[a-z0-9._/-]+)?$");
    // A registry host (with optional port) and an optional repository prefix.
    private static final Pattern TARGET = Pattern.compile(
            "^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\\d{1,5})?(?:/[a-z0-9._-]+)*$");
    // ACR registry names are 5-50 alphanumerics (Azure naming rules for Microsoft.ContainerRegistry).
    private static final Pattern ACR_NAME = Pattern.compile("^[a-zA-Z0-9]{5,50}$");

    private final Map<String, String> entries;
    private final String defaultTarget;

    private RegistryMap(Map<String, String> entries, String defaultTarget) {
        this.entries = Map.copyOf(entries);
        this.defaultTarget = defaultTarget;
    }

    /**
     * @param entries       {@code source=target} strings as given on the command line or in a step
     * @param defaultAcr    an ACR name ({@code contoso}) or login server ({@code contoso.azurecr.io}), or null
     * @throws MigrationException naming the entry and what is wrong with it
     */
    public static RegistryMap of(List<String> entries, String defaultAcr) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            String[] pair = split(entry);
            String source = pair[0];
            String target = pair[1];
            if (!ECR_KEY.matcher(source).matches()) {
                throw new MigrationException("Invalid registry map entry '" + entry + "': '" + source
                        + "' is not an ECR registry host (<account>.dkr.ecr.<region>.amazonaws.com)");
            }
            if (!TARGET.matcher(target).matches()) {
                throw new MigrationException("Invalid registry map entry '" + entry + "': '" + target
                        + "' is not a registry host such as contoso.azurecr.io");
            }
            String previous = map.put(source, target);
            if (previous != null && !previous.equals(target)) {
                throw new MigrationException("Invalid registry map: '" + source + "' is mapped twice, to '"
                        + previous + "' and to '" + target + "'");
            }
            for (Map.Entry<String, String> other : map.entrySet()) {
                if (!other.getKey().equals(source) && other.getValue().equals(target)) {
                    throw new MigrationException("Invalid registry map: '" + other.getKey() + "' and '" + source
                            + "' both map to '" + target + "', so their repositories could overwrite each other; "
                            + "give each its own prefix, e.g. " + target + "/<account>-<region>");
                }
            }
        }
        return new RegistryMap(map, defaultAcr == null || defaultAcr.isBlank() ? null : acrLoginServer(defaultAcr));
    }

    /** {@code source=target} strings as a map, in order; each entry checked for its form only. */
    public static Map<String, String> parseEntries(List<String> entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] pair = split(entry);
            map.put(pair[0], pair[1]);
        }
        return map;
    }

    private static String[] split(String entry) {
        String e = entry.trim();
        int eq = e.indexOf('=');
        if (eq <= 0 || eq == e.length() - 1) {
            throw new MigrationException("Invalid registry map entry '" + entry
                    + "': expected <ecr-host>[/<repo-prefix>]=<acr-host>[/<repo-prefix>], e.g. "
                    + "123456789012.dkr.ecr.us-east-1.amazonaws.com=contoso.azurecr.io");
        }
        return new String[] {trimSlashes(e.substring(0, eq).trim().toLowerCase()), trimSlashes(e.substring(eq + 1).trim().toLowerCase())};
    }

    /** {@code contoso} → {@code contoso.azurecr.io}; a full login server is kept (lower-cased). */
    public static String acrLoginServer(String acr) {
        String a = trimSlashes(acr.trim().toLowerCase());
        if (!a.contains(".")) {
            if (!ACR_NAME.matcher(a).matches()) {
                throw new MigrationException("Invalid ACR name '" + acr
                        + "': an Azure Container Registry name is 5-50 letters and digits, e.g. contoso or contoso.azurecr.io");
            }
            return a + ".azurecr.io";
        }
        if (!TARGET.matcher(a).matches()) {
            throw new MigrationException("Invalid ACR login server '" + acr + "': expected e.g. contoso.azurecr.io");
        }
        return a;
    }

    /** The target reference for {@code ref}, keeping repository path, tag and digest; empty when unmapped. */
    public Optional<String> target(EcrImageReference ref) {
        String path = ref.host() + "/" + ref.repository();
        List<String> keys = new ArrayList<>(entries.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed());
        for (String key : keys) {
            if (path.equals(key) || path.startsWith(key + "/")) {
                // "" when the key names the whole repository (it is renamed to the target), else "/rest/of/path".
                String rest = path.substring(key.length());
                return Optional.of(entries.get(key) + rest + ref.suffix());
            }
        }
        if (defaultTarget != null) {
            return Optional.of(defaultTarget + "/" + ref.repository() + ref.suffix());
        }
        return Optional.empty();
    }

    /** The ACR repository (without tag or digest) that {@code ref}'s repository goes to; empty when unmapped. */
    public Optional<String> targetRepository(EcrImageReference ref) {
        EcrImageReference bare = new EcrImageReference(ref.host(), ref.account(), ref.region(), ref.repository(), null, null);
        return target(bare);
    }

    public boolean isEmpty() {
        return entries.isEmpty() && defaultTarget == null;
    }

    /** The entries as {@code source=target} strings, for reports. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        entries.forEach((k, v) -> out.add(k + "=" + v));
        if (defaultTarget != null) {
            out.add("*=" + defaultTarget);
        }
        return out;
    }

    /** Same entries and default target: two mappings built from the same decisions are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryMap other && entries.equals(other.entries)
                && java.util.Objects.equals(defaultTarget, other.defaultTarget);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(entries, defaultTarget);
    }

    private static String trimSlashes(String s) {
        String r = s;
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }
}
