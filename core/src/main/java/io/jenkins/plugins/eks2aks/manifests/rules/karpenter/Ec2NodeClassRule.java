package io.jenkins.plugins.eks2aks.manifests.rules.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KP2: an EC2NodeClass ({@code karpenter.k8s.aws/v1}) becomes an AKSNodeClass ({@code karpenter.azure.com/v1beta1})
 * of the same name, once the mapping file chooses the node image family ({@code karpenter.imageFamily}). AKS has
 * no custom node images (S1), so AMIs and user data have no equivalent, and subnets, security groups and the node
 * role are the cluster's: what carries over is the OS disk size, max pods, the kubelet settings AKSNodeClass
 * knows, and tags.
 */
public final class Ec2NodeClassRule implements ConversionRule {

    public static final String ID = "KP2";
    /** Kubelet settings an AKSNodeClass accepts (S22 AKSNodeClass). */
    private static final Set<String> AKS_KUBELET = Set.of("cpuCFSQuota", "imageGCHighThresholdPercent",
            "imageGCLowThresholdPercent", "cpuManagerPolicy", "cpuCFSQuotaPeriod", "topologyManagerPolicy",
            "allowedUnsafeSysctls", "containerLogMaxSize", "containerLogMaxFiles", "podPidsLimit");
    private static final Pattern SIZE = Pattern.compile("^(\\d+)(Gi|G|Ti|T)?$");
    private static final int MIN_OS_DISK_GB = 30;

    private final String imageFamily;

    public Ec2NodeClassRule(RuleContext context) {
        this.imageFamily = context.mapping().nodeClassImageFamily();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return "EC2NodeClass".equals(object.kind()) && "karpenter.k8s.aws/v1".equals(object.ref().apiVersion())
                || isAutoModeNodeClass(object);
    }

    /** EKS Auto Mode's node class ({@code eks.amazonaws.com/v1 NodeClass}): its NodePools point at it like at an EC2NodeClass. */
    public static boolean isAutoModeNodeClass(KubeObject object) {
        return "NodeClass".equals(object.kind()) && object.ref().apiVersion().startsWith("eks.amazonaws.com/");
    }

    @Override
    public List<Change> apply(KubeObject nodeClass) {
        Changes c = Changes.of(nodeClass, ID);
        JsonNode spec = nodeClass.at("/spec");
        String amiFamily = spec.path("amiFamily").asText("");
        String windows = windowsImage(spec);
        if (windows != null) {
            return List.of(c.decision(windows, "Windows nodes: NAP has no Windows nodes (S22), and AzureLinux or Ubuntu "
                    + "would not run these pods: run these workloads on a Windows node pool (az aks nodepool add --os-type "
                    + "Windows) and leave this EC2NodeClass out (catalog KP2, KP4)"));
        }
        boolean autoMode = isAutoModeNodeClass(nodeClass);
        if (amiFamily.isEmpty()) {
            // karpenter.k8s.aws/v1 names the image by alias (al2023@latest, bottlerocket@v1.20.0, windows2022@latest);
            // EKS Auto Mode nodes run its Bottlerocket-based OS.
            amiFamily = autoMode ? "bottlerocket" : spec.at("/amiSelectorTerms/0/alias").asText("").replaceFirst("@.*$", "");
        }
        if (imageFamily == null) {
            return List.of(c.decision("/spec", "AKS has no custom node images: choose the node image family of the "
                    + "AKSNodeClass that replaces " + nodeClass.kind() + " " + nodeClass.ref().name() + ": set "
                    + "karpenter.imageFamily to AzureLinux (" + closest(amiFamily) + ") or Ubuntu (catalog KP2; S1, S22)")
                    .withMappingKeys("karpenter.imageFamily"));
        }
        ObjectNode aks = JsonNodeFactory.instance.objectNode();
        aks.put("imageFamily", imageFamily);
        List<String> dropped = new ArrayList<>();
        if (autoMode) {
            autoModeDisk(spec, aks, dropped);
        } else {
            osDisk(spec, aks, dropped, amiFamily.toLowerCase(Locale.ROOT).startsWith("bottlerocket"));
        }
        kubelet(spec, aks, dropped);
        tags(spec, aks, dropped);
        spec.fieldNames().forEachRemaining(f -> {
            if (!Set.of("blockDeviceMappings", "kubelet", "tags", "ephemeralStorage").contains(f)) {
                dropped.add(f);
            }
        });
        String why = "NAP provisions nodes from AKSNodeClasses (catalog KP2; S1, S22)";
        return List.of(
                c.replace("/apiVersion", "karpenter.azure.com/v1beta1", RuleMode.AUTO, why),
                c.replace("/kind", "AKSNodeClass", RuleMode.AUTO, why),
                c.replace("/spec", aks, RuleMode.AUTO_WARN, "image family " + imageFamily + " (karpenter.imageFamily); "
                        + "nodes join the cluster's subnet, NSG and kubelet identity" + (dropped.isEmpty() ? "" : "; dropped, "
                        + "with no AKSNodeClass equivalent: " + String.join(", ", dropped)
                        + (spec.has("userData") ? " (move what userData did into a DaemonSet or the kubelet settings)" : ""))
                        + " (catalog KP2; S1, S22)"));
    }

    /** Which node image AzureLinux stands in for, as the decision names it. */
    private static String closest(String amiFamily) {
        String family = amiFamily.toLowerCase(Locale.ROOT);
        if (family.startsWith("bottlerocket")) {
            return "a minimal container host, closest to Bottlerocket";
        }
        if (family.isEmpty() || family.equals("custom")) {
            return "the node class names a custom AMI, which AKS cannot run";
        }
        return "closest to Amazon Linux (" + amiFamily + ")";
    }

    /** EKS Auto Mode: the node's ephemeral storage is what an AKS OS disk holds (images and pods). */
    private static void autoModeDisk(JsonNode spec, ObjectNode aks, List<String> dropped) {
        Matcher m = SIZE.matcher(spec.at("/ephemeralStorage/size").asText(""));
        if (m.matches()) {
            long gb = Long.parseLong(m.group(1)) * (m.group(2) != null && m.group(2).startsWith("T") ? 1024 : 1);
            aks.put("osDiskSizeGB", Math.max(MIN_OS_DISK_GB, gb));
        }
        spec.path("ephemeralStorage").fieldNames().forEachRemaining(f -> {
            if (!f.equals("size") || !m.matches()) {
                dropped.add("ephemeralStorage." + f);
            }
        });
    }

    /** Pointer of what makes this a Windows node class (amiFamily, or an amiSelectorTerms alias), or null. */
    private static String windowsImage(JsonNode spec) {
        if (spec.path("amiFamily").asText("").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return "/spec/amiFamily";
        }
        JsonNode terms = spec.path("amiSelectorTerms");
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).path("alias").asText("").toLowerCase(Locale.ROOT).startsWith("windows")) {
                return "/spec/amiSelectorTerms/" + i + "/alias";
            }
        }
        return null;
    }

    /**
     * The root volume's size becomes osDiskSizeGB (at least 30): the mapping marked {@code rootVolume}, else the
     * one on the image's root device ({@code /dev/xvda} on Amazon Linux, {@code /dev/sda1} on Windows; on
     * Bottlerocket the data volume {@code /dev/xvdb}, which holds the images and pods an AKS OS disk holds), else
     * the only one.
     */
    private static void osDisk(JsonNode spec, ObjectNode aks, List<String> dropped, boolean bottlerocket) {
        JsonNode mappings = spec.path("blockDeviceMappings");
        boolean marked = false;
        for (JsonNode mapping : mappings) {
            marked |= mapping.path("rootVolume").asBoolean(false);
        }
        for (JsonNode mapping : mappings) {
            String device = mapping.path("deviceName").asText("");
            boolean root = marked ? mapping.path("rootVolume").asBoolean(false)
                    : mappings.size() == 1 || (bottlerocket ? device.equals("/dev/xvdb")
                            : device.equals("/dev/xvda") || device.equals("/dev/sda1"));
            Matcher m = SIZE.matcher(mapping.at("/ebs/volumeSize").asText(""));
            if (root && m.matches()) {
                long gb = Long.parseLong(m.group(1)) * (m.group(2) != null && m.group(2).startsWith("T") ? 1024 : 1);
                aks.put("osDiskSizeGB", Math.max(MIN_OS_DISK_GB, gb));
            } else {
                dropped.add("blockDeviceMappings " + mapping.path("deviceName").asText("?"));
            }
        }
    }

    /** maxPods moves to the spec (10–250); the kubelet settings AKSNodeClass knows stay under kubelet. */
    private static void kubelet(JsonNode spec, ObjectNode aks, List<String> dropped) {
        JsonNode kubelet = spec.path("kubelet");
        if (kubelet.has("maxPods")) {
            aks.put("maxPods", Math.max(10, Math.min(250, kubelet.path("maxPods").asInt())));
        }
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        kubelet.fields().forEachRemaining(e -> {
            if (AKS_KUBELET.contains(e.getKey())) {
                kept.set(e.getKey(), e.getValue());
            } else if (!"maxPods".equals(e.getKey())) {
                dropped.add("kubelet." + e.getKey());
            }
        });
        if (!kept.isEmpty()) {
            aks.set("kubelet", kept);
        }
    }

    /** EC2 tags become Azure resource tags; Azure tag names cannot contain '/', '<', '>', '%', '&', '\' or '?'. */
    private static void tags(JsonNode spec, ObjectNode aks, List<String> dropped) {
        ObjectNode tags = JsonNodeFactory.instance.objectNode();
        spec.path("tags").fields().forEachRemaining(e -> {
            if (e.getKey().matches("[^/<>%&\\\\?]+")) {
                tags.set(e.getKey(), e.getValue());
            } else {
                dropped.add("tag " + e.getKey());
            }
        });
        if (!tags.isEmpty()) {
            aks.set("tags", tags);
        }
    }
}
