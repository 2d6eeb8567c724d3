package io.jenkins.plugins.eks2aks.preflight;

import io.jenkins.plugins.eks2aks.kubernetes.KubernetesVersion;
import io.jenkins.plugins.eks2aks.kubernetes.SupportCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The readiness checks: each decides from ARM facts, Kubernetes facts, or both, and names the fix. A check whose
 * facts are missing is NOT_CHECKED, never passed by default.
 */
final class PreflightChecks {

    /** IngressClass name and ARM evidence per ingress target. */
    private static final Map<String, String> INGRESS_CLASSES = Map.of("app-routing", "webapprouting.kubernetes.azure.com",
            "agic", "azure-application-gateway", "agc", "azure-alb-external", "nginx", "nginx");

    private final PreflightRequirements req;
    private final AksFacts aks;
    private final ClusterFacts k8s;
    private final LocalDate today;
    private final String az;

    PreflightChecks(PreflightRequirements req, AksFacts aks, ClusterFacts k8s, LocalDate today, String resourceGroup, String name) {
        this.req = req;
        this.aks = aks;
        this.k8s = k8s;
        this.today = today;
        this.az = "-g " + (resourceGroup == null ? "<resource-group>" : resourceGroup) + " -n " + (name == null ? "<cluster>" : name);
    }

    List<PreflightCheck> run() {
        List<PreflightCheck> checks = new ArrayList<>();
        checks.add(version());
        checks.add(flag("oidc-issuer", "OIDC issuer enabled (Workload ID federation)", aks == null ? null : aks.oidcIssuer(),
                req.needsWorkloadIdentity(), "az aks update " + az + " --enable-oidc-issuer", "IRSA or Pod Identity was found"));
        checks.add(workloadIdentity());
        checks.add(csi("disk-csi", "Azure Disk CSI driver enabled", "disk.csi.azure.com", aks == null ? null : aks.diskCsi(), true,
                "az aks update " + az + " --enable-disk-driver"));
        checks.add(csi("file-csi", "Azure Files CSI driver enabled", "file.csi.azure.com", aks == null ? null : aks.fileCsi(), true,
                "az aks update " + az + " --enable-file-driver"));
        checks.add(blobCsi());
        checks.add(snapshotController());
        for (String sc : req.storageClasses()) {
            checks.add(storageClass(sc));
        }
        checks.add(ingress());
        checks.addAll(velero());
        checks.add(acrPull());
        return checks;
    }

    private PreflightCheck version() {
        String id = "kubernetes-version";
        String title = "AKS version not older than the source and still supported";
        String current = aks != null ? aks.kubernetesVersion() : k8s != null ? k8s.serverVersion() : null;
        KubernetesVersion v = KubernetesVersion.parse(current).orElse(null);
        if (v == null) {
            return PreflightCheck.notChecked(id, title, "the AKS version is unknown (no ARM access and no kubeconfig)", "");
        }
        KubernetesVersion target = SupportCalendar.defaultAksTarget(req.sourceVersion(), today);
        if (req.sourceVersion() != null && v.isBefore(req.sourceVersion())) {
            return PreflightCheck.fail(id, title, "AKS " + v + " is older than EKS " + req.sourceVersion() + ": workloads may use APIs it lacks",
                    "az aks upgrade " + az + " --kubernetes-version " + target + " (one minor version at a time)");
        }
        if (!SupportCalendar.aksSupported(v, today)) {
            return PreflightCheck.fail(id, title, "AKS " + v + " is past its end of life on " + today,
                    "az aks upgrade " + az + " --kubernetes-version " + target);
        }
        return PreflightCheck.pass(id, title, "AKS " + v + (req.sourceVersion() == null ? "" : " ≥ EKS " + req.sourceVersion())
                + ", supported until " + SupportCalendar.aks(v).map(w -> w.endOfLife().toString()).orElse("?"));
    }

    private PreflightCheck flag(String id, String title, Boolean enabled, boolean needed, String fix, String why) {
        if (!needed && !req.fromInventory()) {
            // Without an inventory the need is unknown: the cluster's own state is all there is to report.
            if (Boolean.TRUE.equals(enabled)) {
                return enabledCheck(id, title);
            }
            return PreflightCheck.notChecked(id, title, (enabled == null ? "the cluster's setting is unknown without Azure Resource "
                    + "Manager access" : "disabled") + "; whether the workloads need it (IRSA or Pod Identity) is unknown without an inventory", fix);
        }
        if (!needed) {
            return PreflightCheck.pass(id, title, "not needed: the inventory found no IRSA or Pod Identity"
                    + (enabled == null ? "" : " (" + (enabled ? "enabled" : "disabled") + ")"));
        }
        if (enabled == null) {
            return PreflightCheck.notChecked(id, title, why + "; the cluster's setting is unknown without Azure Resource Manager access", fix);
        }
        return enabled ? enabledCheck(id, title) : PreflightCheck.fail(id, title, "disabled although " + why, fix);
    }

    private PreflightCheck enabledCheck(String id, String title) {
        return PreflightCheck.pass(id, title, "enabled" + (aks != null && aks.oidcIssuerUrl() != null && id.equals("oidc-issuer")
                ? ": " + aks.oidcIssuerUrl() : ""));
    }

    private PreflightCheck workloadIdentity() {
        String fix = "az aks update " + az + " --enable-workload-identity";
        Boolean enabled = aks == null ? null : aks.workloadIdentity();
        if (enabled == null && k8s != null && (req.needsWorkloadIdentity() || !req.fromInventory())) {
            // The Workload ID webhook runs in kube-system when the feature is on.
            boolean webhook = k8s.deployments().keySet().stream().anyMatch(d -> d.startsWith("kube-system/azure-wi-webhook"));
            if (webhook) {
                return PreflightCheck.pass("workload-identity", "Workload ID enabled", "the azure-wi-webhook runs in kube-system");
            }
            return req.needsWorkloadIdentity()
                    ? PreflightCheck.fail("workload-identity", "Workload ID enabled", "no azure-wi-webhook in kube-system although IRSA or Pod Identity was found", fix)
                    : PreflightCheck.notChecked("workload-identity", "Workload ID enabled", "no azure-wi-webhook in kube-system; whether "
                            + "the workloads need it (IRSA or Pod Identity) is unknown without an inventory", fix);
        }
        return flag("workload-identity", "Workload ID enabled", enabled, req.needsWorkloadIdentity(), fix, "IRSA or Pod Identity was found");
    }

    private PreflightCheck csi(String id, String title, String driver, Boolean armEnabled, boolean onByDefault, String fix) {
        if (aks != null) {
            boolean enabled = armEnabled == null ? onByDefault : armEnabled;
            return enabled ? PreflightCheck.pass(id, title, "enabled" + (armEnabled == null ? " (the AKS default)" : ""))
                    : PreflightCheck.fail(id, title, "disabled in the cluster's storage profile", fix);
        }
        if (k8s != null) {
            return k8s.csiDrivers().contains(driver) ? PreflightCheck.pass(id, title, "CSIDriver " + driver + " is installed")
                    : PreflightCheck.fail(id, title, "no CSIDriver " + driver, fix);
        }
        return PreflightCheck.notChecked(id, title, "no ARM access and no kubeconfig", fix);
    }

    private PreflightCheck blobCsi() {
        String id = "blob-csi";
        String title = "Azure Blob CSI driver enabled";
        String fix = "az aks update " + az + " --enable-blob-driver";
        PreflightCheck state = csi(id, title, "blob.csi.azure.com", aks == null ? null : aks.blobCsi(), false, fix);
        if (req.needsBlob() || state.status() == CheckStatus.PASS) {
            return state;
        }
        if (req.fromInventory()) {
            return PreflightCheck.pass(id, title, "not needed: no claim or volume uses S3 or FSx");
        }
        return PreflightCheck.notChecked(id, title, state.detail() + "; whether a volume needs it (S3 Mountpoint, FSx) is unknown "
                + "without an inventory", fix);
    }

    private PreflightCheck snapshotController() {
        String id = "snapshot-controller";
        String title = "CSI snapshot controller enabled";
        String fix = "az aks update " + az + " --enable-snapshot-controller";
        Boolean enabled = aks == null ? null : aks.snapshotController();
        if (enabled == null && k8s != null) {
            enabled = k8s.crds().contains("volumesnapshots.snapshot.storage.k8s.io");
        }
        if (enabled == null) {
            return PreflightCheck.notChecked(id, title, "no ARM access and no kubeconfig", fix);
        }
        return enabled ? PreflightCheck.pass(id, title, "enabled")
                : PreflightCheck.fail(id, title, "disabled: Velero cannot take CSI snapshots (file-system backup still works)", fix);
    }

    private PreflightCheck storageClass(String name) {
        String id = "storage-class/" + name;
        String title = "Storage class " + name + " exists";
        if (k8s == null) {
            return PreflightCheck.notChecked(id, title, "needs a kubeconfig for the target", "");
        }
        String provisioner = k8s.storageClasses().get(name);
        return provisioner != null ? PreflightCheck.pass(id, title, "provisioner " + provisioner)
                : PreflightCheck.fail(id, title, "missing; the migrated claims use it",
                        name.startsWith("azureblob") ? "az aks update " + az + " --enable-blob-driver (creates the azureblob-* classes)"
                                : "enable the CSI driver that creates it, or kubectl apply a StorageClass named " + name);
    }

    private PreflightCheck ingress() {
        String id = "ingress";
        String title = "The chosen ingress controller is installed";
        if (req.ingressTarget() == null) {
            return req.needsIngress()
                    ? PreflightCheck.fail(id, title, "the source has ALB ingresses and no ingress target was chosen",
                            "choose one: app-routing (az aks approuting enable " + az + "), agc or agic, and pass it as the ingress option")
                    : req.fromInventory() ? PreflightCheck.pass(id, title, "not needed: no ALB ingress in the inventory and no target chosen")
                    : PreflightCheck.notChecked(id, title, "no ingress target chosen and no inventory to say whether the workloads need one",
                            "pass the ingress option (app-routing, agc, agic or nginx), or the inventory");
        }
        String cls = INGRESS_CLASSES.getOrDefault(req.ingressTarget(), req.ingressTarget());
        String fix = switch (req.ingressTarget()) {
            case "app-routing" -> "az aks approuting enable " + az;
            case "agic" -> "az aks enable-addons " + az + " -a ingress-appgw --appgw-id <application-gateway-id>";
            case "agc" -> "install the ALB controller (Application Gateway for Containers) and create its ApplicationLoadBalancer";
            default -> "install the " + req.ingressTarget() + " ingress controller";
        };
        if (k8s != null && k8s.ingressClasses().containsKey(cls)) {
            return PreflightCheck.pass(id, title, "IngressClass " + cls + " (" + k8s.ingressClasses().get(cls) + ")");
        }
        if (aks != null && ("app-routing".equals(req.ingressTarget()) && Boolean.TRUE.equals(aks.webAppRouting())
                || "agic".equals(req.ingressTarget()) && aks.enabledAddons().contains("ingressApplicationGateway"))) {
            return PreflightCheck.pass(id, title, req.ingressTarget() + " is enabled on the cluster");
        }
        if (k8s == null && aks == null) {
            return PreflightCheck.notChecked(id, title, "no ARM access and no kubeconfig", fix);
        }
        return PreflightCheck.fail(id, title, "no IngressClass " + cls + (k8s == null ? " (no kubeconfig: checked ARM only)" : ""), fix);
    }

    private List<PreflightCheck> velero() {
        String ns = req.veleroNamespace();
        String install = "velero install --namespace " + ns + " --provider azure --plugins velero/velero-plugin-for-microsoft-azure "
                + "--use-node-agent --bucket <container> --backup-location-config resourceGroup=<rg>,storageAccount=<account>";
        if (k8s == null) {
            return List.of(PreflightCheck.notChecked("velero", "Velero installed and its backup location Available", "needs a kubeconfig for the target", install));
        }
        List<PreflightCheck> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String crd : List.of("backups.velero.io", "restores.velero.io", "backupstoragelocations.velero.io")) {
            if (!k8s.crds().contains(crd)) {
                missing.add(crd);
            }
        }
        out.add(missing.isEmpty() ? PreflightCheck.pass("velero/crds", "Velero CRDs installed", "backups, restores, backupstoragelocations")
                : PreflightCheck.fail("velero/crds", "Velero CRDs installed", "missing " + String.join(", ", missing), install));
        Integer ready = k8s.deployments().get(ns + "/velero");
        out.add(ready == null ? PreflightCheck.fail("velero/deployment", "Velero server running", "no Deployment " + ns + "/velero", install)
                : ready > 0 ? PreflightCheck.pass("velero/deployment", "Velero server running", ready + " ready replica(s)")
                : PreflightCheck.fail("velero/deployment", "Velero server running", "Deployment " + ns + "/velero has no ready replica",
                        "kubectl -n " + ns + " describe deployment velero"));
        Integer agents = k8s.daemonSets().get(ns + "/node-agent");
        out.add(agents == null ? PreflightCheck.fail("velero/node-agent", "Velero node agent running (file-system restore)",
                "no DaemonSet " + ns + "/node-agent", "velero install … --use-node-agent")
                : PreflightCheck.pass("velero/node-agent", "Velero node agent running (file-system restore)", agents + " pod(s) ready"));
        List<String> available = k8s.backupLocations().entrySet().stream().filter(e -> e.getValue().equals("Available")).map(Map.Entry::getKey).toList();
        out.add(!available.isEmpty() ? PreflightCheck.pass("velero/backup-location", "A Velero BackupStorageLocation is Available", String.join(", ", available))
                : PreflightCheck.fail("velero/backup-location", "A Velero BackupStorageLocation is Available",
                        k8s.backupLocations().isEmpty() ? "no BackupStorageLocation in " + ns : "none Available: " + k8s.backupLocations(),
                        "velero backup-location get; check the storage account, container and credentials of the location"));
        return out;
    }

    private PreflightCheck acrPull() {
        String id = "acr-pull";
        String title = "The kubelet identity can pull from ACR";
        if (req.acr() == null) {
            return PreflightCheck.notChecked(id, title, "no ACR given", "az aks check-acr " + az + " --acr <registry>.azurecr.io");
        }
        String principal = aks == null || aks.kubeletObjectId() == null ? "the kubelet identity"
                : "the kubelet identity (object id " + aks.kubeletObjectId() + ")";
        String attach = "az aks update " + az + " --attach-acr " + req.acr();
        AcrPull pull = aks == null ? null : aks.acrPull();
        if (pull == null) {
            return PreflightCheck.notChecked(id, title, "role assignments of " + principal + " on " + req.acr()
                    + " need Azure Resource Manager access", "az aks check-acr " + az + " --acr " + req.acr() + " (to grant: " + attach + ")");
        }
        if (pull.unknown() != null) {
            return PreflightCheck.notChecked(id, title, pull.unknown(), "az aks check-acr " + az + " --acr " + req.acr()
                    + " (to grant: " + attach + ")");
        }
        return pull.grantedBy() != null
                ? PreflightCheck.pass(id, title, principal + " has " + pull.grantedBy() + " on " + pull.registryId())
                : PreflightCheck.fail(id, title, "no role assignment of " + principal + " on " + pull.registryId() + " grants "
                        + AcrPullReader.PULL + " (AcrPull)", attach);
    }
}
