package io.jenkins.plugins.eks2aks.manifests.rules.scheduling;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * EC2 instance type → the Azure VM size with the same vCPUs and memory (catalog §6.3). A suggestion: the final
 * size is a cost decision, so conversions using it are AUTO_WARN.
 */
public final class InstanceTypes {

    private static final Map<String, String> SIZES = new HashMap<>();

    static {
        String[] sizes = {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"};
        String[] general = {"D2s_v5", "D4s_v5", "D8s_v5", "D16s_v5", "D32s_v5", "D48s_v5", "D64s_v5", "D96s_v5"};
        String[] memory = {"E2s_v5", "E4s_v5", "E8s_v5", "E16s_v5", "E32s_v5", "E48s_v5", "E64s_v5", "E96s_v5"};
        for (int i = 0; i < sizes.length; i++) {
            for (String family : new String[] {"m5", "m6i"}) {
                SIZES.put(family + "." + sizes[i], "Standard_" + general[i]);
            }
            for (String family : new String[] {"r5", "r6i"}) {
                SIZES.put(family + "." + sizes[i], "Standard_" + memory[i]);
            }
        }
        String[][] compute = {{"large", "F2s_v2"}, {"xlarge", "F4s_v2"}, {"2xlarge", "F8s_v2"}, {"4xlarge", "F16s_v2"},
                {"12xlarge", "F48s_v2"}};
        for (String[] row : compute) {
            SIZES.put("c5." + row[0], "Standard_" + row[1]);
            SIZES.put("c6i." + row[0], "Standard_" + row[1]);
        }
        SIZES.put("c6i.8xlarge", "Standard_F32s_v2");
        SIZES.put("c5.9xlarge", "Standard_F48s_v2");
        SIZES.put("c6i.16xlarge", "Standard_F64s_v2");
        SIZES.put("c5.18xlarge", "Standard_F72s_v2");
        SIZES.put("t3.micro", "Standard_B2ts_v2");
        SIZES.put("t3.small", "Standard_B2ls_v2");
        SIZES.put("t3.medium", "Standard_B2ls_v2");
        SIZES.put("t3.large", "Standard_B2s_v2");
        SIZES.put("t3.xlarge", "Standard_B4s_v2");
        SIZES.put("t3.2xlarge", "Standard_B8s_v2");
    }

    private InstanceTypes() {
    }

    /** The Azure VM size for {@code ec2Type}, e.g. {@code m5.large} → {@code Standard_D2s_v5}. */
    public static Optional<String> azureSize(String ec2Type) {
        return Optional.ofNullable(SIZES.get(ec2Type));
    }
}
