package io.jenkins.plugins.eks2aks.manifests.rules.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.Pointers;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import io.jenkins.plugins.eks2aks.mapping.WorkloadIdentity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * W1, W3, W4: a ServiceAccount that assumes an IAM role through IRSA gets the Microsoft Entra Workload ID
 * identity the mapping file names for that role ({@code identities.<role-arn>.clientId}). Without a mapping
 * the role stays and the report asks for the client id.
 */
public final class IrsaServiceAccountRule implements ConversionRule {

    public static final String ID = "W1";
    static final String EKS = "eks.amazonaws.com/";
    static final String AZURE = "azure.workload.identity/";
    private static final String ANNOTATIONS = "/metadata/annotations";

    private final MigrationMapping mapping;
    private final InputIndex index;

    /** {@code index} tells whether the input has the pods that run as each ServiceAccount, and its namespaces per build. */
    public IrsaServiceAccountRule(MigrationMapping mapping, InputIndex index) {
        this.mapping = mapping;
        this.index = java.util.Objects.requireNonNull(index, "index");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        if (!"ServiceAccount".equals(object.kind())) {
            return false;
        }
        JsonNode annotations = object.at(ANNOTATIONS);
        return annotations.has(EKS + "role-arn") || annotations.has(EKS + "token-expiration")
                || annotations.has(EKS + "sts-regional-endpoints") || annotations.has(EKS + "audience");
    }

    @Override
    public List<Change> apply(KubeObject account) {
        List<Change> out = new ArrayList<>();
        JsonNode annotations = account.at(ANNOTATIONS);
        if (annotations.path(EKS + "role-arn").asText(null) != null) {
            boolean podsSeen = index.runsAs(account);
            Map<String, String> namespaces = namespaces(account);
            List<Change> role = roleAnnotation(account, ANNOTATIONS, subjects(namespaces, account.ref().name()),
                    podsSeen ? RuleMode.AUTO : RuleMode.AUTO_WARN, "");
            if (new HashSet<>(namespaces.values()).size() > 1) {
                // One identity, one federated credential per namespace: the client id alone would leave all but one failing.
                role = role.stream().map(c -> !c.path().endsWith("client-id") ? c : c.withReason(c.reason() + "; its "
                        + "federated credentials must cover " + subjects(namespaces, account.ref().name()))).toList();
            }
            // Overlays giving it different roles are object spaces of their own: the pods are looked for in its builds.
            String where = index.matchedPerBuild(account, account.ref().name())
                    ? String.join(", ", index.buildsOf(account.document().file())) : "the input";
            // The label that lets the Workload ID webhook inject the token goes on pods (W2); none of the input runs as it.
            out.addAll(podsSeen ? role : role.stream().map(c -> !(c.mode() == RuleMode.HUMAN || c.path().endsWith("client-id")) ? c : c.withReason(
                    c.reason() + "; no pod of " + where + " runs as this ServiceAccount: the pods that "
                    + "do (a chart, another repository) need the label azure.workload.identity/use: \"true\" (catalog W2)")).toList());
        }
        if (annotations.has(EKS + "token-expiration")) {
            out.addAll(tokenExpiration(account, annotations.path(EKS + "token-expiration").asText()));
        }
        for (String dropped : List.of("sts-regional-endpoints", "audience")) {
            if (annotations.has(EKS + dropped)) {
                out.add(Changes.of(account, "W4").removeKey(ANNOTATIONS, EKS + dropped, RuleMode.DROP,
                        "no Azure counterpart: the Workload ID audience is fixed to api://AzureADTokenExchange (catalog W4, S17)"));
            }
        }
        return out;
    }

    /**
     * W1 for the {@code eks.amazonaws.com/role-arn} key of the annotation map at {@code map}: a ServiceAccount's own,
     * or the annotations a custom resource or a chart's values give the ServiceAccount they create ({@code where}
     * says so in each reason, {@code subject} names the federated credential's subject as far as it is known).
     */
    public List<Change> roleAnnotation(KubeObject object, String map, String subject, RuleMode mode, String where) {
        String role = object.at(map).path(EKS + "role-arn").asText();
        WorkloadIdentity identity = mapping.identities().get(role);
        Changes w1 = Changes.of(object, "W1");
        if (identity == null) {
            return List.of(w1.decision(Pointers.child(map, EKS + "role-arn"), where + "IAM role " + role
                    + " needs a Workload ID identity: create a user-assigned managed identity with a federated credential for "
                    + subject + ", then set identities.\"" + role + "\".clientId in eks2aks.yaml (catalog W1, S17)")
                    .withMappingKeys("identities.\"" + role + "\".clientId"));
        }
        List<Change> out = new ArrayList<>();
        out.add(w1.put(map, AZURE + "client-id", identity.clientId(), mode,
                where + "IAM role " + role + " is replaced by Workload ID identity " + identity.clientId() + " (catalog W1, S17)"));
        if (identity.tenantId() != null) {
            out.add(w1.put(map, AZURE + "tenant-id", identity.tenantId(), mode, where + "tenant of the Workload ID identity (catalog W1, S17)"));
        }
        out.add(w1.removeKey(map, EKS + "role-arn", mode, where + "replaced by " + AZURE + "client-id (catalog W1)"));
        return out;
    }

    /** W3: Azure accepts 3600–86400 seconds; the value is clamped into that range. */
    private static List<Change> tokenExpiration(KubeObject account, String seconds) {
        Changes w3 = Changes.of(account, "W3");
        String key = EKS + "token-expiration";
        try {
            long value = Math.max(3600, Math.min(86400, Long.parseLong(seconds.trim())));
            return List.of(
                    w3.put(ANNOTATIONS, AZURE + "service-account-token-expiration", String.valueOf(value), RuleMode.AUTO,
                            "token lifetime " + seconds + " s, within Azure's 3600–86400 (catalog W3, S17)"),
                    w3.removeKey(ANNOTATIONS, key, RuleMode.AUTO, "replaced by " + AZURE + "service-account-token-expiration (catalog W3)"));
        } catch (NumberFormatException e) {
            return List.of(w3.decision("/metadata/annotations/eks.amazonaws.com~1token-expiration",
                    key + " is not a number of seconds: set " + AZURE + "service-account-token-expiration (3600–86400) yourself (catalog W3)"));
        }
    }

    /**
     * Where the ServiceAccount lives on the cluster: build → namespace, each kustomize build's (the outermost
     * kustomization's {@code namespace:} replaces the object's own); its own namespace or {@code default} outside
     * kustomizations.
     */
    private Map<String, String> namespaces(KubeObject account) {
        Map<String, String> byBuild = index.namespacesByBuild(account);
        if (!byBuild.isEmpty()) {
            return byBuild;
        }
        return Map.of("", account.ref().namespace() == null ? "default" : account.ref().namespace());
    }

    /**
     * The federated credential subject(s): one when every build puts the ServiceAccount in one namespace, else one per
     * namespace with the builds that put it there. The role's trust policy let each overlay's pods assume it; the
     * identity that replaces it needs a credential for each, or Workload ID fails in the overlays left out.
     */
    private static String subjects(Map<String, String> namespaces, String name) {
        Map<String, List<String>> buildsByNamespace = new TreeMap<>();
        namespaces.forEach((build, namespace) -> buildsByNamespace.computeIfAbsent(namespace, n -> new ArrayList<>()).add(build));
        if (buildsByNamespace.size() == 1) {
            return "system:serviceaccount:" + buildsByNamespace.keySet().iterator().next() + ":" + name;
        }
        StringBuilder out = new StringBuilder("each of ");
        buildsByNamespace.forEach((namespace, builds) -> out.append(out.length() == "each of ".length() ? "" : ", ")
                .append("system:serviceaccount:").append(namespace).append(':').append(name)
                .append(" (").append(String.join(", ", builds)).append(')'));
        return out.toString();
    }
}
