package io.jenkins.plugins.eks2aks.manifests.rules.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.PodSpecs;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import io.jenkins.plugins.eks2aks.mapping.WorkloadIdentity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * K5: pods that mount a SecretProviderClass as a ServiceAccount with an IAM role (IRSA) read the vault as a
 * Workload ID identity on AKS. That identity has to be known ({@code identities}) and has to be the one the
 * SecretProviderClasses name ({@code keyVault.clientId}), or the mount fails: the CSI driver exchanges the pod's
 * ServiceAccount token for that client id. The Key Vault role assignment stays an Azure-side step.
 */
public final class SecretProviderClassIdentityRule implements ConversionRule {

    public static final String ID = "K5";
    private static final String DRIVER = "secrets-store.csi.k8s.io";

    private final MigrationMapping mapping;
    private final InputIndex index;

    public SecretProviderClassIdentityRule(RuleContext context) {
        this.mapping = context.mapping();
        this.index = context.index();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return PodSpecs.podSpecPointer(object).isPresent();
    }

    @Override
    public List<Change> apply(KubeObject workload) {
        String podSpec = PodSpecs.podSpecPointer(workload).orElseThrow();
        String serviceAccount = workload.at(podSpec + "/serviceAccountName").asText("default");
        // Overlays giving the ServiceAccount different roles: the roles of the workload's own builds, each checked.
        Map<String, String> roles = new LinkedHashMap<>();
        index.serviceAccountRolesFor(workload, serviceAccount).ifPresentOrElse(
                builds -> builds.roles().forEach((build, role) -> roles.merge(role, build, (a, b) -> a + ", " + b)),
                () -> index.serviceAccountRole(index.namespaceOf(workload), serviceAccount).ifPresent(role -> roles.put(role, "")));
        List<Change> out = new ArrayList<>();
        JsonNode volumes = workload.at(podSpec + "/volumes");
        for (int i = 0; i < volumes.size(); i++) {
            JsonNode csi = volumes.get(i).path("csi");
            if (roles.isEmpty() || !DRIVER.equals(csi.path("driver").asText())) {
                continue;
            }
            String spc = csi.at("/volumeAttributes/secretProviderClass").asText("?");
            String pointer = podSpec + "/volumes/" + i;
            roles.entrySet().stream().map(role -> finding(Changes.of(workload, ID), pointer, role.getKey(),
                    serviceAccount + (role.getValue().isEmpty() ? "" : " in " + role.getValue()), spc))
                    .flatMap(Optional::stream).findFirst().ifPresent(out::add);
        }
        return out;
    }

    private Optional<Change> finding(Changes c, String pointer, String role, String serviceAccount, String spc) {
        String source = " (catalog K5; S17, S19)";
        String identityKey = "identities.\"" + role + "\".clientId";
        WorkloadIdentity identity = mapping.identities().get(role);
        String vault = mapping.keyVault() == null ? "the vault" : mapping.keyVault().name();
        if (identity == null) {
            return Optional.of(c.decision(pointer, "pods mount SecretProviderClass " + spc + " as ServiceAccount " + serviceAccount
                    + " (IAM role " + role + "): set " + identityKey + " to the Workload ID identity that replaces it, and "
                    + "keyVault.clientId to the same id; grant it Key Vault Secrets User on " + vault + source)
                    .withMappingKeys(identityKey, "keyVault.clientId"));
        }
        String classIdentity = mapping.keyVault() == null ? null : mapping.keyVault().clientId();
        if (classIdentity != null && !classIdentity.equalsIgnoreCase(identity.clientId())) {
            return Optional.of(c.decision(pointer, "pods mount SecretProviderClass " + spc + " as ServiceAccount "
                    + serviceAccount + ", whose identity is " + identity.clientId() + ", but SecretProviderClasses read the "
                    + "vault as keyVault.clientId " + classIdentity + ": make " + identityKey + " and keyVault.clientId the "
                    + "same identity, or give " + classIdentity + " a federated credential for this ServiceAccount" + source)
                    .withMappingKeys("keyVault.clientId", identityKey));
        }
        return Optional.empty();
    }
}
