package io.jenkins.plugins.eks2aks.kubernetes;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * When EKS and AKS stop supporting each Kubernetes minor version (eks-to-aks-mapping.md §8.2: the AKS
 * "supported Kubernetes versions" page of 2026-08 and the EKS version calendar). Live EKS data
 * (DescribeClusterVersions) wins over this table where the API offers it.
 */
public final class SupportCalendar {

    /** An EKS version's support window. */
    public record EksWindow(KubernetesVersion version, LocalDate endOfStandard, LocalDate endOfExtended) {
    }

    /** An AKS version's support window; AKS ends support at the end of the month named in the calendar. */
    public record AksWindow(KubernetesVersion version, LocalDate endOfLife, LocalDate endOfLts) {
    }

    private static final List<EksWindow> EKS = List.of(
            eks("1.28", "2024-11-26", "2025-11-26"),
            eks("1.29", "2025-03-23", "2026-03-23"),
            eks("1.30", "2025-07-23", "2026-07-23"),
            eks("1.31", "2025-11-26", "2026-11-26"),
            eks("1.32", "2026-03-23", "2027-03-23"),
            eks("1.33", "2026-07-29", "2027-07-29"),
            eks("1.34", "2026-12-02", "2027-12-02"),
            eks("1.35", "2027-03-27", "2028-03-27"));

    private static final List<AksWindow> AKS = List.of(
            aks("1.31", "2025-11-30", "2026-11-30"),
            aks("1.32", "2026-03-31", "2027-03-31"),
            aks("1.33", "2026-07-31", "2027-07-31"),
            aks("1.34", "2026-11-30", "2027-11-30"),
            aks("1.35", "2027-03-31", "2028-03-31"),
            aks("1.36", "2027-06-30", "2028-06-30"),
            aks("1.37", "2027-10-31", "2028-10-31"));

    private SupportCalendar() {
    }

    public static Optional<EksWindow> eks(KubernetesVersion version) {
        return EKS.stream().filter(w -> w.version().equals(version)).findFirst();
    }

    public static Optional<AksWindow> aks(KubernetesVersion version) {
        return AKS.stream().filter(w -> w.version().equals(version)).findFirst();
    }

    /** A sentence on an EKS version's support on {@code today}, from the given dates (which may come from the API). */
    public static String eksStatus(KubernetesVersion version, LocalDate endOfStandard, LocalDate endOfExtended,
                                   LocalDate today) {
        if (endOfStandard == null) {
            return "EKS " + version + ": support dates unknown";
        }
        if (!today.isAfter(endOfStandard)) {
            return "EKS " + version + ": standard support until " + endOfStandard;
        }
        if (endOfExtended != null && !today.isAfter(endOfExtended)) {
            return "EKS " + version + ": extended support (billed) until " + endOfExtended
                    + "; plan a multi-hop API review";
        }
        return "EKS " + version + ": past the end of extended support (" + endOfExtended + "); EKS upgrades it automatically";
    }

    /** Whether AKS still supports {@code version} on {@code today} (standard support; LTS needs the Premium tier). */
    public static boolean aksSupported(KubernetesVersion version, LocalDate today) {
        return aks(version).map(w -> !today.isAfter(w.endOfLife())).orElse(false);
    }

    /** Every AKS version in the calendar, oldest first. */
    public static List<AksWindow> aksVersions() {
        return AKS;
    }

    /**
     * The AKS version to plan for: the oldest one that AKS still supports on {@code today} and that is not older
     * than the source cluster (AKS never goes back a version; each upgrade is one minor version).
     */
    public static KubernetesVersion defaultAksTarget(KubernetesVersion source, LocalDate today) {
        return AKS.stream()
                .filter(w -> !today.isAfter(w.endOfLife()))
                .map(AksWindow::version)
                .filter(v -> source == null || !v.isBefore(source))
                .findFirst()
                .orElse(AKS.get(AKS.size() - 1).version());
    }

    private static EksWindow eks(String v, String standard, String extended) {
        return new EksWindow(KubernetesVersion.of(v), LocalDate.parse(standard), LocalDate.parse(extended));
    }

    private static AksWindow aks(String v, String eol, String lts) {
        return new AksWindow(KubernetesVersion.of(v), LocalDate.parse(eol), LocalDate.parse(lts));
    }
}
