package io.jenkins.plugins.eks2aks.manifests;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The IAM role each ServiceAccount ({@code namespace/name}) has in each kustomize build, from the ServiceAccount
 * itself and from the patches that set its {@code eks.amazonaws.com/role-arn} annotation (a patch wins over what it
 * patches; patch files and patches written inside a kustomization alike), and the builds whose pods run as it. Its
 * namespace in a build is the one the build gives it: the outermost kustomization's {@code namespace:}, else its own. A ServiceAccount is split when its builds disagree on its role
 * (dev and prod overlays patching different roles, or one a role and another none): only then do the identity rules
 * match a workload with the ServiceAccount of its own builds.
 */
public final class ServiceAccountRoles {

    /** ServiceAccount → build → precedence → role (null: defined there without one). */
    private final Map<String, Map<String, TreeMap<Integer, String>>> definitions = new HashMap<>();
    /** ServiceAccount → builds with a whole definition of it (not only a patch). */
    private final Map<String, Set<String>> definedIn = new HashMap<>();
    /** ServiceAccount → builds whose pods run as it. */
    private final Map<String, Set<String>> runningIn = new HashMap<>();

    /**
     * The roles a workload's ServiceAccount has in the builds of the workload.
     *
     * @param roles   build → IAM role, for the builds that give the ServiceAccount one
     * @param without the builds that give it none
     */
    public record BuildRoles(SortedMap<String, String> roles, SortedSet<String> without) {

        /** The distinct roles, sorted. */
        public SortedSet<String> distinct() {
            return new TreeSet<>(roles.values());
        }

        /** {@code role in build, role in build}, for reasons. */
        public String describe() {
            StringBuilder out = new StringBuilder();
            roles.forEach((build, role) -> out.append(out.isEmpty() ? "" : ", ").append(role).append(" in ").append(build));
            return out.toString();
        }
    }

    /** ServiceAccount {@code key} is defined (or patched: {@code patch}) in {@code build}, with {@code role} or none (null). */
    void account(String build, String key, int precedence, String role, boolean patch) {
        if (!patch) {
            definedIn.computeIfAbsent(key, k -> new HashSet<>()).add(build);
        }
        TreeMap<Integer, String> byPrecedence = definitions.computeIfAbsent(key, k -> new HashMap<>())
                .computeIfAbsent(build, b -> new TreeMap<>());
        if (role != null || !byPrecedence.containsKey(precedence)) {
            byPrecedence.put(precedence, role);
        }
    }

    /** A pod template of {@code build} runs as ServiceAccount {@code key}. */
    void pod(String build, String key) {
        runningIn.computeIfAbsent(key, k -> new HashSet<>()).add(build);
    }

    /** The role of ServiceAccount {@code key} in {@code build}: the one the definition of highest precedence sets. */
    public Optional<String> roleIn(String build, String key) {
        TreeMap<Integer, String> byPrecedence = definitions.getOrDefault(key, Map.of()).get(build);
        if (byPrecedence == null) {
            return Optional.empty();
        }
        return byPrecedence.values().stream().filter(r -> r != null).findFirst();
    }

    /**
     * Whether the builds that define ServiceAccount {@code key} or run pods as it disagree on its role. A build that
     * only patches it, with no pod of its own, is left out: what it patches is outside the input (a remote base, a
     * folder not given), so it may well be another build's ServiceAccount.
     */
    public boolean split(String key) {
        Set<String> builds = new HashSet<>(definedIn.getOrDefault(key, Set.of()));
        builds.addAll(runningIn.getOrDefault(key, Set.of()));
        return builds.stream().map(b -> roleIn(b, key)).distinct().count() > 1;
    }

    /** Whether a pod template of {@code build} runs as ServiceAccount {@code key}. */
    public boolean runsIn(String build, String key) {
        return runningIn.getOrDefault(key, Set.of()).contains(build);
    }
}
