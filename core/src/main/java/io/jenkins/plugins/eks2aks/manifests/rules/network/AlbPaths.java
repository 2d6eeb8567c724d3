package io.jenkins.plugins.eks2aks.manifests.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;

/**
 * N18: the ALB reads {@code *} in a path as a wildcard ({@code /*}, {@code /users/*}); NGINX and Application Gateway
 * read it literally, so {@code /users/*} would match only a path that really contains {@code *}. A trailing
 * {@code /*} becomes the prefix path before it (pathType Prefix), which matches the same requests; a wildcard
 * anywhere else has no ingress equivalent and is a decision.
 */
final class AlbPaths {

    static final String ID = "N18";

    private AlbPaths() {
    }

    static List<Change> convert(KubeObject ingress) {
        List<Change> out = new ArrayList<>();
        Changes c = Changes.of(ingress, ID);
        JsonNode rules = ingress.at("/spec/rules");
        for (int r = 0; r < rules.size(); r++) {
            JsonNode paths = rules.get(r).at("/http/paths");
            for (int p = 0; p < paths.size(); p++) {
                String at = "/spec/rules/" + r + "/http/paths/" + p;
                String path = paths.get(p).path("path").asText("");
                if (!path.contains("*") && !path.contains("?")) {
                    continue;
                }
                String prefix = path.endsWith("/*") ? path.substring(0, path.length() - 2) : null;
                if (prefix != null && !prefix.contains("*") && !prefix.contains("?")) {
                    String newPath = prefix.isEmpty() ? "/" : prefix;
                    out.add(c.replace(at + "/path", newPath, RuleMode.AUTO, "ALB wildcard path " + path + " matches what "
                            + "the prefix " + newPath + " matches on an AKS ingress, which reads '*' literally (catalog N18)"));
                    if (!"Prefix".equals(paths.get(p).path("pathType").asText())) {
                        out.add(paths.get(p).has("pathType")
                                ? c.replace(at + "/pathType", "Prefix", RuleMode.AUTO, "a prefix match (catalog N18)")
                                : c.put(at, "pathType", "Prefix", RuleMode.AUTO, "a prefix match (catalog N18)"));
                    }
                } else {
                    out.add(c.decision(at + "/path", "ALB wildcard path " + path + " has no AKS ingress equivalent: NGINX "
                            + "needs nginx.ingress.kubernetes.io/use-regex with a regular expression, or split it into "
                            + "prefix paths (catalog N18, N12)"));
                }
            }
        }
        return out;
    }
}
