package io.jenkins.plugins.eks2aks.inventory;

import java.util.List;
import java.util.SortedMap;

/**
 * A proposed AKS node pool for one EKS node group.
 *
 * @param name            an AKS pool name (lowercase letters and digits, up to 12 characters)
 * @param source          the EKS node group
 * @param mode            {@code System} for the first pool, {@code User} for the others
 * @param vmSize          the suggested Azure VM size
 * @param vmSizeNote      why the size is not an exact match, or empty
 * @param minCount        autoscaler minimum
 * @param maxCount        autoscaler maximum
 * @param count           the current node count
 * @param spot            a Spot pool (scaleSetPriority Spot, eviction Delete; fixed at creation)
 * @param osType          {@code Linux} or {@code Windows}
 * @param architecture    {@code x86_64} or {@code Arm64}
 * @param gpu             GPU nodes
 * @param osDiskSizeGb    the OS disk size, or null for the AKS default
 * @param nodeLabels      the node group's labels
 * @param nodeTaints      taints as AKS writes them: {@code key=value:NoSchedule}
 * @param notes           what needs a decision (custom AMIs, launch templates…)
 */
public record NodePoolPlan(String name, String source, String mode, String vmSize, String vmSizeNote, int minCount,
                           int maxCount, int count, boolean spot, String osType, String architecture, boolean gpu,
                           Integer osDiskSizeGb, SortedMap<String, String> nodeLabels, List<String> nodeTaints,
                           List<String> notes) {
}
