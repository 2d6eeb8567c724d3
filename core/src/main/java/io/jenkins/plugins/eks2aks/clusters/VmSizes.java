package io.jenkins.plugins.eks2aks.clusters;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EC2 instance type → Azure VM size by vCPU and memory (eks-to-aks-mapping.md §6.3). The table is a suggestion:
 * the final size is a cost decision, and region availability has to be checked with the Azure SKU API.
 */
public final class VmSizes {

    /**
     * A suggestion.
     *
     * @param size  the Azure size, e.g. {@code Standard_D4s_v5}
     * @param exact whether vCPU and memory match (false: the nearest size, see the note)
     * @param note  why it is not exact, or empty
     */
    public record Suggestion(String size, boolean exact, String note) {
    }

    private static final Map<String, String> BURSTABLE = Map.of(
            "t3.micro", "Standard_B2ts_v2", "t3.small", "Standard_B2ls_v2", "t3.medium", "Standard_B2ls_v2",
            "t3.large", "Standard_B2s_v2", "t3.xlarge", "Standard_B4s_v2", "t3.2xlarge", "Standard_B8s_v2");
    private static final Pattern TYPE = Pattern.compile("^([a-z]+)(\\d+)([a-z-]*)\\.(\\d*)(x?large|medium|small|micro|nano|metal)$");

    private VmSizes() {
    }

    /**
     * The Azure size for a known EC2 type; empty when the type is not recognised, so a caller that rewrites
     * manifests can ask a person instead of guessing.
     */
    public static Optional<String> azureSize(String instanceType) {
        Suggestion s = suggest(instanceType);
        return s.note().startsWith("unknown instance type") || s.note().endsWith("choose a size by vCPU and memory")
                ? Optional.empty() : Optional.of(s.size());
    }

    public static Suggestion suggest(String instanceType) {
        String type = instanceType == null ? "" : instanceType.trim().toLowerCase(java.util.Locale.ROOT);
        String burst = BURSTABLE.get(type.replace("t3a.", "t3.").replace("t2.", "t3."));
        if (burst != null) {
            return new Suggestion(burst, !type.equals("t3.small"), type.equals("t3.small") ? "2 GiB → 4 GiB" : "");
        }
        Matcher m = TYPE.matcher(type);
        if (!m.matches()) {
            return new Suggestion("Standard_D4s_v5", false, "unknown instance type '" + instanceType + "': choose a size by vCPU and memory");
        }
        Optional<Integer> vcpus = vcpus(m.group(4), m.group(5));
        if (vcpus.isEmpty()) {
            return new Suggestion("Standard_D4s_v5", false, instanceType + ": choose a size by vCPU and memory");
        }
        int cpu = vcpus.get();
        String family = m.group(1);
        if (isAwsAccelerator(family)) {
            return new Suggestion("Standard_D4s_v5", false, instanceType + " carries AWS accelerators (Inferentia, "
                    + "Trainium, Gaudi or FPGA) that Azure does not offer: re-target the workload, then choose a size by vCPU and memory");
        }
        boolean graviton = m.group(3).contains("g");
        switch (family) {
            case "m" -> {
                return sized(graviton ? "Standard_D%dps_v5" : "Standard_D%ds_v5", cpu, graviton ? "Arm64 (Ampere) size; verify per size" : "");
            }
            case "c" -> {
                if (graviton) {
                    return sized("Standard_D%dpls_v5", cpu, "Arm64 (Ampere) size; verify per size");
                }
                int f = cpu == 36 ? 48 : cpu;
                return sized("Standard_F%ds_v2", f, cpu == 36 ? "no 36-vCPU F size: 48 vCPU / 96 GiB" : "");
            }
            case "r" -> {
                if (cpu == 96 && !graviton) {
                    return new Suggestion("Standard_E96s_v5", false, "672 GiB instead of 768 GiB (Standard_E96s_v6 has 768)");
                }
                return sized(graviton ? "Standard_E%dps_v5" : "Standard_E%ds_v5", cpu, graviton ? "Arm64 (Ampere) size; verify per size" : "");
            }
            case "g", "p" -> {
                return new Suggestion("Standard_NC" + Math.max(4, cpu) + "as_T4_v3", false,
                        "GPU instance: choose an NC/ND size by GPU model and count");
            }
            default -> {
                return sized("Standard_D%ds_v5", cpu, "no direct match for the '" + family + "' family: general purpose by vCPU");
            }
        }
    }

    /** EC2 families whose accelerators Azure has no VM for: Inferentia, Trainium (Neuron), Gaudi (dl1), FPGA (f1), video (vt1). */
    public static boolean isAwsAccelerator(String family) {
        String f = family.toLowerCase(java.util.Locale.ROOT).replaceAll("\\d.*$", "");
        return f.equals("inf") || f.equals("trn") || f.equals("dl") || f.equals("f") || f.equals("vt");
    }

    private static Suggestion sized(String pattern, int cpu, String note) {
        return new Suggestion(String.format(pattern, cpu), note.isEmpty(), note);
    }

    /** large = 2, xlarge = 4, Nxlarge = 4N (medium and smaller: 2). */
    private static Optional<Integer> vcpus(String multiplier, String size) {
        return switch (size) {
            case "large", "medium", "small", "micro", "nano" -> Optional.of(2);
            case "xlarge" -> Optional.of(4 * (multiplier.isEmpty() ? 1 : Integer.parseInt(multiplier)));
            default -> Optional.empty();
        };
    }
}
