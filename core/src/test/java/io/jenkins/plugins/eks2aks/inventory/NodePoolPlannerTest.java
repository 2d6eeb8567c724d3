package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.clusters.VmSizes;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodePoolPlannerTest {

    private static EksControlPlane.Nodegroup group(String name, List<String> types, String capacity, String ami,
                                                   List<EksControlPlane.Taint> taints, String launchTemplate) {
        TreeMap<String, String> labels = new TreeMap<>();
        labels.put("team", "shop");
        return new EksControlPlane.Nodegroup(name, types, capacity, 1, 5, 2, ami, null, labels, taints, 80, launchTemplate);
    }

    @Test
    void vmSizesFollowTheTableByVcpuAndMemory() {
        assertEquals("Standard_D2s_v5", VmSizes.suggest("m5.large").size());
        assertEquals("Standard_D16s_v5", VmSizes.suggest("m6i.4xlarge").size());
        assertEquals("Standard_F4s_v2", VmSizes.suggest("c5.xlarge").size());
        assertEquals("Standard_E8s_v5", VmSizes.suggest("r5.2xlarge").size());
        assertEquals("Standard_B2s_v2", VmSizes.suggest("t3.large").size());
        VmSizes.Suggestion c59 = VmSizes.suggest("c5.9xlarge");
        assertEquals("Standard_F48s_v2", c59.size());
        assertFalse(c59.exact(), "there is no 36-vCPU F size");
        assertEquals("Standard_D4ps_v5", VmSizes.suggest("m6g.xlarge").size(), "Graviton maps to Arm64 sizes");
    }

    @Test
    void aSpotGroupBecomesASpotPoolWithItsTaintsInAksSpelling() {
        NodePoolPlan pool = NodePoolPlanner.plan(List.of(
                group("shop-ondemand", List.of("m5.large"), "ON_DEMAND", "AL2023_x86_64_STANDARD", List.of(), null),
                group("shop-spot", List.of("m5.xlarge"), "SPOT", "AL2023_x86_64_STANDARD", List.of(
                        new EksControlPlane.Taint("spot", "true", "NO_SCHEDULE"),
                        new EksControlPlane.Taint("batch", null, "PREFER_NO_SCHEDULE"),
                        new EksControlPlane.Taint("drain", "now", "NO_EXECUTE")), null))).get(1);

        assertEquals("shopspot", pool.name());
        assertEquals("User", pool.mode());
        assertTrue(pool.spot());
        assertEquals("Standard_D4s_v5", pool.vmSize());
        assertEquals(List.of("spot=true:NoSchedule", "batch:PreferNoSchedule", "drain=now:NoExecute"), pool.nodeTaints());
        assertEquals(1, pool.minCount());
        assertEquals(5, pool.maxCount());
        assertEquals(2, pool.count());
        assertEquals(80, pool.osDiskSizeGb());
        assertEquals("shop", pool.nodeLabels().get("team"));
    }

    @Test
    void aCustomAmiIsANoteWithTheKubeletConfigAdvice() {
        NodePoolPlan pool = NodePoolPlanner.plan(List.of(group("gpu-custom", null, "ON_DEMAND", "CUSTOM", List.of(), "gpu-lt"))).get(0);

        assertEquals("System", pool.mode());
        assertTrue(pool.notes().stream().anyMatch(n -> n.contains("custom AMI") && n.contains("--kubelet-config") && n.contains("DaemonSet")),
                pool.notes().toString());
        assertTrue(pool.notes().stream().anyMatch(n -> n.contains("DescribeLaunchTemplateVersions")), pool.notes().toString());
    }

    @Test
    void armWindowsAndGpuAmiTypesSetOsArchitectureAndGpu() {
        List<NodePoolPlan> pools = NodePoolPlanner.plan(List.of(
                group("arm", List.of("m6g.large"), "ON_DEMAND", "AL2023_ARM_64_STANDARD", List.of(), null),
                group("windows-nodes", List.of("m5.large"), "ON_DEMAND", "WINDOWS_CORE_2022_x86_64", List.of(), null),
                group("gpu", List.of("g5.xlarge"), "ON_DEMAND", "AL2023_x86_64_NVIDIA", List.of(), null)));

        assertEquals("Arm64", pools.get(0).architecture());
        assertEquals("Windows", pools.get(1).osType());
        assertEquals("window", pools.get(1).name(), "Windows pool names have at most 6 characters");
        assertTrue(pools.get(2).gpu());
    }

    @Test
    void poolNamesAreLowercaseAlphanumericShortAndUnique() {
        Set<String> taken = new HashSet<>();
        assertEquals("shopondemand", NodePoolPlanner.poolName("Shop-OnDemand-Nodes", false, taken));
        assertEquals("shopondeman2", NodePoolPlanner.poolName("shop_ondemand_nodes", false, taken));
        assertEquals("pool1a", NodePoolPlanner.poolName("1a", false, taken));
    }
}
