package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.clusters.VmSizes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns EKS node groups into AKS node pools (catalog §9.1 and §6.1 S13): instance type → VM size (§6.3),
 * scaling → min/max/count, SPOT → a Spot pool, labels kept, taint effects renamed, AMI type → OS, architecture
 * and GPU, disk size → OS disk. A custom AMI has no AKS counterpart: it becomes a note.
 */
final class NodePoolPlanner {

    static final String CUSTOM_AMI_ADVICE = "custom AMI: AKS has no custom node images; move node tuning into the AKS "
            + "custom kubelet/OS configuration (--kubelet-config, --linux-os-config) or a privileged DaemonSet";

    private NodePoolPlanner() {
    }

    static List<NodePoolPlan> plan(List<EksControlPlane.Nodegroup> nodegroups) {
        List<NodePoolPlan> plans = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (EksControlPlane.Nodegroup ng : nodegroups) {
            String ami = ng.amiType() == null ? "" : ng.amiType();
            List<String> notes = new ArrayList<>();
            String instanceType = ng.instanceTypes() == null || ng.instanceTypes().isEmpty() ? null : ng.instanceTypes().get(0);
            VmSizes.Suggestion size = VmSizes.suggest(instanceType);
            if (instanceType == null) {
                notes.add("no instance type (a launch template sets it): read it from EC2 DescribeLaunchTemplateVersions");
            } else if (ng.instanceTypes().size() > 1) {
                notes.add("several instance types " + ng.instanceTypes() + ": an AKS pool has one VM size (or use NAP)");
            }
            if (ami.equals("CUSTOM")) {
                notes.add(CUSTOM_AMI_ADVICE);
            } else if (ng.launchTemplate() != null) {
                notes.add("launch template '" + ng.launchTemplate() + "': user data and AMI settings do not carry over; " + CUSTOM_AMI_ADVICE);
            }
            boolean windows = ami.startsWith("WINDOWS");
            boolean arm = ami.contains("ARM_64") || (instanceType != null && instanceType.matches("^[a-z]+\\d+[a-z]*g[a-z]*\\..*"));
            boolean gpu = ami.contains("GPU") || ami.contains("NVIDIA") || ami.contains("NEURON");
            if (ami.contains("NEURON")) {
                notes.add("AWS Inferentia/Trainium (Neuron) nodes have no Azure equivalent: choose a GPU size");
            }
            List<String> taints = new ArrayList<>();
            for (EksControlPlane.Taint t : ng.taints()) {
                taints.add(t.key() + (t.value() == null || t.value().isEmpty() ? "" : "=" + t.value()) + ":" + effect(t.effect()));
            }
            TreeMap<String, String> labels = new TreeMap<>(ng.labels());
            labels.keySet().removeIf(k -> k.startsWith("kubernetes.azure.com/"));
            plans.add(new NodePoolPlan(poolName(ng.name(), windows, names), ng.name(), plans.isEmpty() ? "System" : "User",
                    size.size(), size.note(), ng.minSize(), ng.maxSize(), ng.desiredSize(), "SPOT".equals(ng.capacityType()),
                    windows ? "Windows" : "Linux", arm ? "Arm64" : "x86_64", gpu, ng.diskSize(), labels, taints, notes));
        }
        return plans;
    }

    /** NO_SCHEDULE → NoSchedule, NO_EXECUTE → NoExecute, PREFER_NO_SCHEDULE → PreferNoSchedule. */
    static String effect(String eksEffect) {
        StringBuilder out = new StringBuilder();
        for (String part : eksEffect.toLowerCase(Locale.ROOT).split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    /** Lowercase letters and digits, starting with a letter, up to 12 characters (6 for Windows), unique. */
    static String poolName(String nodegroup, boolean windows, Set<String> taken) {
        String base = nodegroup.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "pool" + base;
        }
        int max = windows ? 6 : 12;
        base = base.substring(0, Math.min(max, base.length()));
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            String suffix = Integer.toString(i);
            name = base.substring(0, Math.min(base.length(), max - suffix.length())) + suffix;
        }
        return name;
    }
}
