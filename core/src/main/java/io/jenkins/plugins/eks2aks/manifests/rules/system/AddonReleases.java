package io.jenkins.plugins.eks2aks.manifests.rules.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GitOps object that installs an AWS add-on (a Flux {@code HelmRelease}, an Argo CD {@code Application}, a
 * {@code HelmChart} of the Helm controller) is left out like the add-on it installs: on AKS its Azure equivalent is
 * enabled instead. Recognised by the chart it installs, whichever namespace the release object lives in.
 */
public final class AddonReleases {

    /** Chart name (after any repository or OCI prefix) → the component of {@link AwsSystemObjectsRule#COMPONENTS}. */
    private static final Map<Pattern, String> CHARTS = Map.of(
            Pattern.compile("karpenter(-crd)?"), "EX10",
            Pattern.compile("aws-load-balancer-controller"), "EX5",
            Pattern.compile("aws-(ebs|efs|fsx)-csi-driver|aws-mountpoint-s3-csi-driver|snapshot-controller"), "EX3",
            Pattern.compile("aws-vpc-cni"), "EX1",
            Pattern.compile("aws-node-termination-handler"), "EX11",
            Pattern.compile("secrets-store-csi-driver-provider-aws"), "EX6",
            Pattern.compile("aws-for-fluent-bit|aws-cloudwatch-metrics|adot-exporter-for-eks-on-ec2"), "EX8",
            Pattern.compile("eks-pod-identity-agent"), "EX4");

    private AddonReleases() {
    }

    /** The component {@code object} installs: [rule id, reason naming the release and its chart]; empty when none. */
    public static Optional<String[]> of(KubeObject object) {
        String group = AwsSystemObjectsRule.group(object.ref().apiVersion());
        boolean release = group.equals("helm.toolkit.fluxcd.io") && object.kind().equals("HelmRelease")
                || group.equals("argoproj.io") && object.kind().equals("Application")
                || group.equals("helm.cattle.io") && object.kind().equals("HelmChart");
        if (!release) {
            return Optional.empty();
        }
        for (String chart : charts(object)) {
            String name = chart.substring(chart.lastIndexOf('/') + 1).replaceFirst(":.*$", "");
            for (Map.Entry<Pattern, String> e : CHARTS.entrySet()) {
                if (e.getKey().matcher(name).matches()) {
                    SystemComponent component = AwsSystemObjectsRule.COMPONENTS.stream().filter(c -> c.id().equals(e.getValue()))
                            .findFirst().orElseThrow();
                    return Optional.of(new String[] {component.id(), object.kind() + " " + object.ref().name()
                            + " installs " + lowerFirst(component.what()) + " (chart " + name + target(object) + "), an EKS system "
                            + "component: not migrated; on AKS: " + component.azure() + " (catalog §7.1, S1)"});
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> charts(KubeObject object) {
        List<String> out = new ArrayList<>();
        add(out, object.at("/spec/chart/spec/chart"));
        add(out, object.at("/spec/chartRef/name"));
        add(out, object.at("/spec/chart")); // HelmChart of helm.cattle.io
        add(out, object.at("/spec/source/chart"));
        for (JsonNode source : object.at("/spec/sources")) {
            add(out, source.path("chart"));
        }
        return out;
    }

    private static void add(List<String> out, JsonNode value) {
        if (value.isTextual() && !value.asText().isBlank()) {
            out.add(value.asText().trim());
        }
    }

    private static String lowerFirst(String what) {
        return what.startsWith("The ") ? "the " + what.substring(4) : what;
    }

    private static String target(KubeObject object) {
        String namespace = object.at("/spec/targetNamespace").asText(object.at("/spec/destination/namespace").asText(""));
        return namespace.isEmpty() ? "" : ", into namespace " + namespace;
    }
}
