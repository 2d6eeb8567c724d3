package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For tests: the mapping-file keys a decision's reason names, found by reading the prose
 * ({@code identities."arn:…".clientId}, {@code ingress.target}, {@code registries."HOST"}). Options ({@code --acr},
 * a step's {@code 'acr'}) are the front end's words for a key, never keys themselves. Rules give these keys to
 * {@link Change#mappingKeys()} themselves; {@link #check} holds every tested decision to naming in its reason
 * exactly the keys it carries, so the prose and the field cannot drift apart. The key names come from the
 * mapping file's JSON Schema.
 */
final class ReasonKeys {

    /** API groups and label prefixes that start with a mapping key's name but are not keys. */
    private static final Set<String> NOT_KEYS = Set.of("karpenter.sh", "karpenter.k8s.aws", "karpenter.azure.com",
            "certificates.k8s.io");

    private static final String SCHEMA = "/io/jenkins/plugins/eks2aks/mapping/eks2aks.schema.json";
    private static final List<String> NAMES = topLevelKeys();
    private static final Pattern FLAG = Pattern.compile("--[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
    private static final Pattern SEGMENTS = Pattern.compile("(?:\\.(?:\"[^\"\\s]*\"|[A-Za-z0-9_-]+))+");
    private static final Pattern IN_MAPPING_FILE = Pattern.compile(" in (?:eks2aks\\.yaml|the mapping file)");
    // Reasons repeat across objects and every report reads them: remember the answers, within bounds.
    private static final int CACHE_LIMIT = 8192;
    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();

    private ReasonKeys() {
    }

    /**
     * Fails unless a decision carries exactly the keys its reason names, in that order, and every key it carries
     * is written in its reason.
     */
    static void check(Change change) {
        for (String key : change.mappingKeys()) {
            if (!change.reason().contains(key)) {
                throw new AssertionError("rule " + change.ruleId() + " carries mapping key " + key
                        + " that its reason does not name: " + change.reason());
            }
        }
        if (change.mode() == RuleMode.HUMAN && !in(change.reason()).equals(change.mappingKeys())) {
            throw new AssertionError("rule " + change.ruleId() + ": the reason names the keys " + in(change.reason())
                    + " but the decision carries " + change.mappingKeys() + ": " + change.reason());
        }
    }

    /** The keys and flags {@code reason} names, in order of appearance, each once. */
    static List<String> in(String reason) {
        List<String> cached = CACHE.get(reason);
        if (cached != null) {
            return cached;
        }
        List<String> keys = scan(reason).stream()
                .filter(k -> !k.startsWith("--") && !NOT_KEYS.contains(k)).toList();
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(reason, keys);
        return keys;
    }

    private static Set<String> scan(String reason) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher matcher = FLAG.matcher(reason);
        for (int i = 0; i < reason.length(); i++) {
            char ch = reason.charAt(i);
            boolean boundary = i == 0 || !isWordPart(reason.charAt(i - 1));
            if (!boundary) {
                continue;
            }
            if (ch == '-' && reason.startsWith("--", i)) {
                matcher.region(i, reason.length());
                if (matcher.lookingAt()) {
                    keys.add(matcher.group());
                    i = matcher.end() - 1;
                }
                continue;
            }
            for (String name : NAMES) {
                if (!reason.startsWith(name, i)) {
                    continue;
                }
                int end = i + name.length();
                Matcher dotted = SEGMENTS.matcher(reason).region(end, reason.length());
                if (dotted.lookingAt()) {
                    keys.add(reason.substring(i, dotted.end()));
                    i = dotted.end() - 1;
                    break;
                }
                boolean wordEnds = end == reason.length() || !isWordPart(reason.charAt(end));
                if (wordEnds && IN_MAPPING_FILE.matcher(reason).region(end, reason.length()).lookingAt()) {
                    keys.add(name);
                    i = end - 1;
                    break;
                }
            }
        }
        return keys;
    }

    private static boolean isWordPart(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_' || ch == '-' || ch == '.' || ch == '"';
    }

    private static List<String> topLevelKeys() {
        List<String> names = new ArrayList<>();
        try (InputStream in = ReasonKeys.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                return names;
            }
            JsonNode properties = new ObjectMapper().readTree(in).path("properties");
            for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("apiVersion")) {
                    names.add(key);
                }
            }
        } catch (IOException e) {
            // Without the schema only flags are recognised; the reason itself is always shown.
        }
        // Longest first, so that a name that starts another (ingress, ingressClass) cannot cut it short.
        names.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return List.copyOf(names);
    }
}
