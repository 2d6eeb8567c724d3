package io.jenkins.plugins.eks2aks.kubernetes;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiRemovalsTest {

    @Test
    void removalsApplyPerKindAndFromTheirRelease() {
        ApiRemovals.Removal cronJob = ApiRemovals.find("batch/v1beta1", "CronJob").orElseThrow();
        assertEquals("batch/v1", cronJob.replacement());
        assertTrue(cronJob.isRemovedBy(KubernetesVersion.of("1.25")));
        assertFalse(cronJob.isRemovedBy(KubernetesVersion.of("1.24")));
        assertEquals("networking.k8s.io/v1", ApiRemovals.find("extensions/v1beta1", "Ingress").orElseThrow().replacement());
        assertEquals("apps/v1", ApiRemovals.find("extensions/v1beta1", "Deployment").orElseThrow().replacement());
        assertEquals("networking.k8s.io/v1", ApiRemovals.find("extensions/v1beta1", "NetworkPolicy").orElseThrow().replacement());
        assertTrue(ApiRemovals.find("batch/v1", "CronJob").isEmpty());
        assertFalse(ApiRemovals.find("v1", "Endpoints").orElseThrow().isRemovedBy(KubernetesVersion.of("1.37")), "deprecated, still served");
    }

    @Test
    void versionsParseAsClustersReportThem() {
        assertEquals(KubernetesVersion.of("1.29"), KubernetesVersion.parse("v1.29.8-eks-a737599").orElseThrow());
        assertTrue(KubernetesVersion.of("1.9").isBefore(KubernetesVersion.of("1.10")));
        assertTrue(KubernetesVersion.parse("latest").isEmpty());
    }

    @Test
    void theDefaultAksTargetIsTheOldestSupportedVersionNotOlderThanTheSource() {
        LocalDate nov2026 = LocalDate.of(2026, 11, 26);
        assertEquals(KubernetesVersion.of("1.34"), SupportCalendar.defaultAksTarget(KubernetesVersion.of("1.29"), nov2026));
        assertEquals(KubernetesVersion.of("1.35"), SupportCalendar.defaultAksTarget(KubernetesVersion.of("1.34"), LocalDate.of(2026, 12, 1)),
                "1.34 ends with November 2026");
        assertEquals(KubernetesVersion.of("1.36"), SupportCalendar.defaultAksTarget(KubernetesVersion.of("1.36"), nov2026));
        assertTrue(SupportCalendar.eksStatus(KubernetesVersion.of("1.32"), LocalDate.of(2026, 3, 23), LocalDate.of(2027, 3, 23), nov2026)
                .startsWith("EKS 1.32: extended support (billed) until 2027-03-23"));
    }
}
