package io.jenkins.plugins.eks2aks.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.inventory.SystemNamespaces;
import io.jenkins.plugins.eks2aks.inventory.WorkloadCounts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the plan needs from an inventory ({@code inventory.json}, as {@code eks2aks inventory} writes it): the
 * application namespaces and their objects and workloads, the ECR images to move, the volume claims and their
 * requested sizes, and what the target must offer. System namespaces are left out: AKS brings its own.
 *
 * @param source          what the inventory read, e.g. {@code cluster dump examples/…}
 * @param totalObjects    every object the inventory read, system ones too
 * @param namespaces      application namespaces
 * @param objects         objects in them (cluster-scoped ones not counted)
 * @param workloads       Deployments, StatefulSets, DaemonSets, Jobs and CronJobs in them
 * @param ecrImages       the ECR images {@code copy-images} moves
 * @param claims          PersistentVolumeClaims (and unbound StatefulSet claim templates) of application namespaces
 * @param claimBytes      their requested sizes together: an upper bound of the data a file-system backup moves
 * @param unsizedClaims   claims whose size could not be read
 * @param highFindings    HIGH AWS dependencies
 * @param needs           what preflight will have to find on AKS (workload identity, storage classes, …)
 */
record SourceFacts(String source, long totalObjects, List<String> namespaces, long objects, long workloads, long ecrImages, long claims,
                   long claimBytes, long unsizedClaims, long highFindings, List<String> needs) {

    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

    /** @param inventoryRun how the front end names what writes an inventory, for the message when this is not one */
    static SourceFacts read(Path inventoryJson, String inventoryRun) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(inventoryJson.toFile());
        } catch (IOException e) {
            throw new MigrationException("Cannot read the inventory '" + inventoryJson + "': "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.path("schema").asText().startsWith("eks2aks.io/inventory/")) {
            throw new MigrationException("'" + inventoryJson + "' is not an eks2aks inventory (no schema eks2aks.io/inventory/…): "
                    + "give the inventory.json that " + inventoryRun + " wrote");
        }
        return of(root);
    }

    static SourceFacts of(JsonNode inventory) {
        Set<String> namespaces = new TreeSet<>();
        long objects = 0;
        long workloads = 0;
        for (Iterator<Map.Entry<String, JsonNode>> kinds = inventory.path("counts").fields(); kinds.hasNext(); ) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            for (Iterator<Map.Entry<String, JsonNode>> byNs = kind.getValue().fields(); byNs.hasNext(); ) {
                Map.Entry<String, JsonNode> ns = byNs.next();
                if (ns.getKey().equals(WorkloadCounts.CLUSTER_SCOPED) || SystemNamespaces.contains(ns.getKey())) {
                    continue;
                }
                namespaces.add(ns.getKey());
                objects += ns.getValue().asLong();
                if (WORKLOAD_KINDS.contains(kind.getKey())) {
                    workloads += ns.getValue().asLong();
                }
            }
        }
        long ecr = 0;
        for (JsonNode image : inventory.path("images")) {
            if (image.path("registry").asText().equals("ecr") && !image.path("systemOnly").asBoolean()) {
                ecr++;
            }
        }
        long claims = 0;
        long bytes = 0;
        long unsized = 0;
        for (JsonNode claim : inventory.path("persistentVolumeClaims")) {
            if (SystemNamespaces.contains(claim.path("namespace").asText())) {
                continue;
            }
            claims++;
            long size = Quantities.bytes(claim.path("size").asText());
            if (size < 0) {
                unsized++;
            } else {
                bytes += size;
            }
        }
        return new SourceFacts(inventory.path("source").path("description").asText(""),
                inventory.path("summary").path("objects").asLong(), List.copyOf(namespaces), objects,
                workloads, ecr, claims, bytes, unsized, inventory.path("summary").path("findings").path("HIGH").asLong(),
                needs(inventory));
    }

    /** What the target must offer, read as preflight reads it (rules W1/W8 identity, N1 ALB ingress, claim provisioners). */
    private static List<String> needs(JsonNode inventory) {
        Set<String> needs = new TreeSet<>();
        for (JsonNode f : inventory.path("findings")) {
            boolean system = "INFO".equals(f.path("severity").asText());
            String rule = f.path("rule").asText();
            if (!system && (rule.equals("W1") || rule.equals("W8"))) {
                needs.add("workload identity (OIDC issuer and Workload ID on the cluster)");
            } else if (!system && rule.equals("N1")) {
                needs.add("an ingress controller for the converted ALB ingresses");
            }
        }
        for (JsonNode c : inventory.path("persistentVolumeClaims")) {
            String provisioner = c.path("provisioner").asText();
            if (provisioner.contains("ebs.csi") || provisioner.equals("kubernetes.io/aws-ebs")) {
                needs.add("Azure Disk CSI driver (EBS claims)");
            } else if (provisioner.contains("efs.csi")) {
                needs.add("Azure Files CSI driver (EFS claims)");
            } else if (provisioner.contains("s3.csi") || provisioner.contains("fsx.csi")) {
                needs.add("Azure Blob CSI driver (S3 or FSx claims)");
            }
        }
        return new ArrayList<>(needs);
    }
}
