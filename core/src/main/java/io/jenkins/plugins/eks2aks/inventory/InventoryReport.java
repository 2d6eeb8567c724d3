package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.report.ReportDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The inventory for people: one document, rendered as Markdown and as self-contained HTML. */
public final class InventoryReport {

    private final FrontEndNames frontEnd;

    /** @param frontEnd how the reader's front end names the image copy and the conversion the report refers to */
    public InventoryReport(FrontEndNames frontEnd) {
        this.frontEnd = frontEnd;
    }

    public ReportDocument build(Inventory inv) {
        EksControlPlane cp = inv.controlPlane();
        ReportDocument doc = new ReportDocument("EKS inventory: " + (cp != null ? cp.name() : inv.source()));
        doc.paragraph("Source: " + inv.source() + ". Target AKS version for the API review: " + inv.targetVersion() + ".");

        doc.section("Summary");
        Map<Severity, Long> bySeverity = inv.findingsBySeverity();
        doc.table(List.of("", "Count"), List.of(
                List.of("Objects", str(inv.counts().total())),
                List.of("Images (ECR images to copy to ACR)", inv.images().size() + " (" + inv.ecrImages().size() + ")"),
                List.of("AWS dependencies HIGH / MEDIUM / LOW / INFO", bySeverity.get(Severity.HIGH) + " / " + bySeverity.get(Severity.MEDIUM)
                        + " / " + bySeverity.get(Severity.LOW) + " / " + bySeverity.get(Severity.INFO)),
                List.of("Fixed by " + frontEnd.convert(), str(inv.findings().stream().filter(Finding::fixedByConvert).count())),
                List.of("API versions the target no longer serves", str(inv.apiUsages().stream().filter(ApiUsage::removedByTarget).count())),
                List.of("Persistent volume claims", str(inv.claims().size())),
                List.of("Proposed AKS node pools", str(inv.nodePools().size()))), "");

        doc.section("Cluster");
        List<List<String>> cluster = new ArrayList<>();
        cluster.add(List.of("Kubernetes version", inv.sourceVersion() == null ? "unknown" : inv.sourceVersion().toString()));
        cluster.add(List.of("Support", inv.supportStatus()));
        if (cp != null) {
            cluster.add(List.of("Region", cp.region()));
            cluster.add(List.of("Platform version", nz(cp.platformVersion())));
            cluster.add(List.of("Status", nz(cp.status())));
            cluster.add(List.of("Endpoint access", (cp.endpointPublicAccess() ? "public " + cp.publicAccessCidrs() : "no public")
                    + ", " + (cp.endpointPrivateAccess() ? "private" : "no private")));
            cluster.add(List.of("Networking", "VPC " + nz(cp.vpcId()) + ", services " + nz(cp.serviceCidr()) + ", " + nz(cp.ipFamily())));
            cluster.add(List.of("Control-plane logs", cp.enabledLogTypes().isEmpty() ? "none" : String.join(", ", cp.enabledLogTypes())));
            cluster.add(List.of("OIDC issuer (IRSA)", nz(cp.oidcIssuer())));
            cluster.add(List.of("Secrets encryption", cp.encryptedResources().isEmpty() ? "none" : String.join("; ", cp.encryptedResources())));
            cluster.add(List.of("Authentication mode", nz(cp.authenticationMode())));
            cluster.add(List.of("Upgrade policy", nz(cp.supportType())));
            cluster.add(List.of("EKS Auto Mode", cp.autoMode() ? "enabled" : "no"));
            cluster.add(List.of("Add-ons", cp.addons().stream().map(a -> a.name() + " " + a.version()).toList().toString()));
        }
        doc.table(List.of("", "Value"), cluster, "");

        doc.section("Node pools (proposed)");
        List<List<String>> pools = new ArrayList<>();
        for (NodePoolPlan p : inv.nodePools()) {
            pools.add(List.of(p.name(), p.source(), p.mode(), p.vmSize() + (p.vmSizeNote().isEmpty() ? "" : " (" + p.vmSizeNote() + ")"),
                    p.minCount() + "/" + p.maxCount() + "/" + p.count(), p.spot() ? "Spot" : "Regular",
                    p.osType() + " " + p.architecture() + (p.gpu() ? " GPU" : ""),
                    p.nodeLabels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList() + " " + p.nodeTaints(),
                    String.join("; ", p.notes())));
        }
        doc.table(List.of("Pool", "EKS node group", "Mode", "VM size", "Min/max/count", "Priority", "OS", "Labels and taints", "Notes"),
                pools, "No node groups found.");
        if (!inv.computeNotes().isEmpty()) {
            doc.bullets(inv.computeNotes());
        }

        doc.section("Workloads");
        List<List<String>> counts = new ArrayList<>();
        inv.counts().byKindAndNamespace().forEach((kind, byNs) -> counts.add(List.of(kind,
                str(byNs.values().stream().mapToInt(Integer::intValue).sum()),
                byNs.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse(""))));
        doc.table(List.of("Kind", "Total", "By namespace"), counts, "No objects.");

        doc.section("Images");
        doc.paragraph("The workloads' ECR images (registry ecr, not system) are listed one per line in ecr-images.txt, the input "
                + "of " + frontEnd.copyImages() + ". System images belong to EKS add-ons that AKS replaces: they are not copied.");
        // Images, findings, API usages and claims grow with the cluster: their rows are made as the report is written.
        List<List<String>> images = ReportDocument.rows(inv.images(), i -> List.of(i.reference(), i.registry() + (i.system() ? " (system)" : ""),
                str(i.users()), String.join(", ", i.usedBy()) + (i.users() > i.usedBy().size() ? ", …" : "")));
        doc.table(List.of("Image", "Registry", "Users", "Used by"), images, "No images.");

        doc.section("AWS dependencies");
        List<List<String>> findings = ReportDocument.rows(inv.findings(), f -> List.of(f.severity().name(), f.rule(), f.object().toString(),
                f.field(), f.detected(), f.azureEquivalent(), f.mode().name(), f.fixedByConvert() ? "yes" : "no"));
        doc.table(List.of("Severity", "Rule", "Object", "Where", "Found", "Azure equivalent", "Mode", "Fixed by " + frontEnd.convert()),
                findings, "No AWS dependencies found.");

        doc.section("Deprecated and removed API versions (target AKS " + inv.targetVersion() + ")");
        List<List<String>> apis = ReportDocument.rows(inv.apiUsages(), u -> List.of(u.object().toString(), u.apiVersion(), u.source(),
                u.removedIn(), u.replacement(), u.removedByTarget() ? "yes" : "no"));
        doc.table(List.of("Object", "API version", "Seen in", "Removed in", "Use instead", "Rejected by the target"), apis,
                "No deprecated or removed API versions in use.");

        doc.section("Stateful footprint");
        doc.paragraph("What Velero's file-system backup will move: every persistent volume claim and the workloads that mount it.");
        List<List<String>> claims = ReportDocument.rows(inv.claims(), c -> List.of(c.namespace() + "/" + c.name(),
                c.storageClass() + (c.provisioner().isEmpty() ? "" : " (" + c.provisioner() + ")"), c.size(),
                String.join(", ", c.accessModes()), c.volume(), String.join(", ", c.mountedBy())));
        doc.table(List.of("Claim", "Storage class", "Size", "Access modes", "Volume", "Mounted by"), claims, "No persistent volume claims.");

        if (cp != null) {
            doc.section("EKS API resources");
            doc.table(List.of("Namespace", "Service account", "Role"), cp.podIdentities().stream()
                    .map(p -> List.of(p.namespace(), p.serviceAccount(), p.roleArn())).toList(), "No Pod Identity associations.");
            doc.table(List.of("Fargate profile", "Selectors"), cp.fargateProfiles().stream()
                    .map(f -> List.of(f.name(), String.join("; ", f.selectors()))).toList(), "No Fargate profiles.");
            doc.table(List.of("Access entry (principal)"), cp.accessEntries().stream().map(List::of).toList(), "No access entries.");
            doc.table(List.of("Insight", "Category", "Version", "Status", "Description"), cp.insights().stream()
                    .map(i -> List.of(i.name(), i.category(), nz(i.kubernetesVersion()), i.status(), nz(i.description()))).toList(),
                    "No upgrade insights.");
        }
        if (!inv.crds().isEmpty()) {
            doc.section("Custom resource definitions");
            doc.bullets(inv.crds());
        }
        if (!inv.notes().isEmpty()) {
            doc.section("Not checked");
            doc.bullets(inv.notes());
        }
        return doc;
    }

    private static String str(long n) {
        return Long.toString(n);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
