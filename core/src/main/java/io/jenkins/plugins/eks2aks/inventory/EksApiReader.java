package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.clusters.EksApiCalls;
import io.jenkins.plugins.eks2aks.events.EventSink;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ClusterVersionInformation;
import software.amazon.awssdk.services.eks.model.EncryptionConfig;
import software.amazon.awssdk.services.eks.model.LogSetup;
import software.amazon.awssdk.services.eks.model.LogType;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Reads the cluster through the EKS API. Every list call goes through the SDK's paginator, so clusters with more
 * node groups or associations than one page holds are read completely. The calls the inventory can do without
 * (versions, insights, Pod Identity, access entries) are noted as not checked when the caller may not make them.
 */
public final class EksApiReader {

    static final String TOPIC = "inventory";

    private final EksClient eks;
    private final String region;
    private final EksApiCalls calls;
    private final EventSink events;

    public EksApiReader(EksClient eks, String region, String credentialsSource, EventSink events) {
        this.eks = eks;
        this.region = region;
        this.calls = new EksApiCalls(eks, region, credentialsSource);
        this.events = events;
    }

    public EksControlPlane read(String clusterName) {
        Cluster c = calls.describeCluster(clusterName);
        events.info(TOPIC, "EKS cluster " + c.name() + ": Kubernetes " + c.version() + ", platform " + c.platformVersion()
                + ", " + c.statusAsString());
        List<String> notes = new ArrayList<>();

        List<EksControlPlane.Nodegroup> nodegroups = new ArrayList<>();
        for (String name : call("ListNodegroups", clusterName, () -> eks.listNodegroupsPaginator(r -> r.clusterName(clusterName)).nodegroups().stream().toList())) {
            nodegroups.add(nodegroup(clusterName, name));
        }
        List<EksControlPlane.Addon> addons = new ArrayList<>();
        for (String name : call("ListAddons", clusterName, () -> eks.listAddonsPaginator(r -> r.clusterName(clusterName)).addons().stream().toList())) {
            var a = call("DescribeAddon", clusterName, () -> eks.describeAddon(r -> r.clusterName(clusterName).addonName(name)).addon());
            addons.add(new EksControlPlane.Addon(a.addonName(), a.addonVersion(), a.statusAsString(), a.serviceAccountRoleArn(),
                    a.podIdentityAssociations().size()));
        }
        List<EksControlPlane.FargateProfile> fargate = new ArrayList<>();
        for (String name : call("ListFargateProfiles", clusterName, () -> eks.listFargateProfilesPaginator(r -> r.clusterName(clusterName)).fargateProfileNames().stream().toList())) {
            var f = call("DescribeFargateProfile", clusterName, () -> eks.describeFargateProfile(r -> r.clusterName(clusterName).fargateProfileName(name)).fargateProfile());
            fargate.add(new EksControlPlane.FargateProfile(f.fargateProfileName(), f.selectors().stream()
                    .map(s -> "namespace " + s.namespace() + (s.labels().isEmpty() ? "" : " labels " + new TreeMap<>(s.labels()))).toList()));
        }
        List<EksControlPlane.PodIdentity> podIdentities = optional("ListPodIdentityAssociations", notes, List.of(), () -> {
            List<EksControlPlane.PodIdentity> out = new ArrayList<>();
            for (var s : eks.listPodIdentityAssociationsPaginator(r -> r.clusterName(clusterName)).associations()) {
                var a = eks.describePodIdentityAssociation(r -> r.clusterName(clusterName).associationId(s.associationId())).association();
                out.add(new EksControlPlane.PodIdentity(a.namespace(), a.serviceAccount(), a.roleArn()));
            }
            return out;
        });
        List<String> accessEntries = optional("ListAccessEntries", notes, List.of(),
                () -> eks.listAccessEntriesPaginator(r -> r.clusterName(clusterName)).accessEntries().stream().sorted().toList());
        ClusterVersionInformation versionInfo = optional("DescribeClusterVersions", notes, null,
                () -> eks.describeClusterVersionsPaginator(r -> r.clusterVersions(c.version())).clusterVersions().stream()
                        .filter(v -> c.version().equals(v.clusterVersion())).findFirst().orElse(null));
        List<EksControlPlane.Insight> insights = optional("ListInsights", notes, List.of(),
                () -> eks.listInsightsPaginator(r -> r.clusterName(clusterName)).insights().stream()
                        .map(i -> new EksControlPlane.Insight(i.name(), i.categoryAsString(), i.kubernetesVersion(),
                                i.insightStatus() == null ? "" : i.insightStatus().statusAsString(), i.description()))
                        .toList());
        events.info(TOPIC, nodegroups.size() + " node groups, " + addons.size() + " add-ons, " + fargate.size()
                + " Fargate profiles, " + podIdentities.size() + " Pod Identity associations, " + accessEntries.size() + " access entries");

        var vpc = c.resourcesVpcConfig();
        var net = c.kubernetesNetworkConfig();
        List<String> logs = new ArrayList<>();
        if (c.logging() != null) {
            for (LogSetup setup : c.logging().clusterLogging()) {
                if (Boolean.TRUE.equals(setup.enabled())) {
                    setup.types().stream().map(LogType::toString).forEach(logs::add);
                }
            }
        }
        List<String> encrypted = new ArrayList<>();
        for (EncryptionConfig e : c.encryptionConfig()) {
            encrypted.add(String.join(",", e.resources()) + (e.provider() == null ? "" : " with " + e.provider().keyArn()));
        }
        return new EksControlPlane(c.name(), c.arn(), region, c.version(), c.platformVersion(), c.statusAsString(), c.endpoint(),
                c.certificateAuthority() == null ? null : c.certificateAuthority().data(),
                vpc != null && Boolean.TRUE.equals(vpc.endpointPublicAccess()), vpc != null && Boolean.TRUE.equals(vpc.endpointPrivateAccess()),
                vpc == null ? List.of() : vpc.publicAccessCidrs(), vpc == null ? null : vpc.vpcId(),
                net == null ? null : net.serviceIpv4Cidr(), net == null ? null : net.ipFamilyAsString(), logs,
                c.identity() == null || c.identity().oidc() == null ? null : c.identity().oidc().issuer(), encrypted,
                c.accessConfig() == null ? null : c.accessConfig().authenticationModeAsString(),
                c.upgradePolicy() == null ? null : c.upgradePolicy().supportTypeAsString(),
                c.computeConfig() != null && Boolean.TRUE.equals(c.computeConfig().enabled()),
                nodegroups, addons, fargate, podIdentities, accessEntries,
                versionInfo == null ? null : date(versionInfo.endOfStandardSupportDate()),
                versionInfo == null ? null : date(versionInfo.endOfExtendedSupportDate()), insights, notes);
    }

    private EksControlPlane.Nodegroup nodegroup(String clusterName, String name) {
        var n = call("DescribeNodegroup", clusterName, () -> eks.describeNodegroup(r -> r.clusterName(clusterName).nodegroupName(name)).nodegroup());
        var scaling = n.scalingConfig();
        var lt = n.launchTemplate();
        return new EksControlPlane.Nodegroup(n.nodegroupName(), n.instanceTypes(), n.capacityTypeAsString(),
                scaling == null ? 0 : scaling.minSize(), scaling == null ? 0 : scaling.maxSize(), scaling == null ? 0 : scaling.desiredSize(),
                n.amiTypeAsString(), n.releaseVersion(), new TreeMap<>(n.labels()),
                n.taints().stream().map(t -> new EksControlPlane.Taint(t.key(), t.value(), t.effectAsString())).toList(),
                n.diskSize(), lt == null ? null : lt.name() != null ? lt.name() : lt.id());
    }

    private <T> T call(String operation, String clusterName, Supplier<T> call) {
        return calls.call(operation, clusterName, call);
    }

    private <T> T optional(String operation, List<String> notes, T fallback, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            String note = operation + " not checked: " + e.awsErrorDetails().errorCode() + " (" + e.awsErrorDetails().errorMessage() + ")";
            notes.add(note);
            events.warn(TOPIC, note);
            return fallback;
        }
    }

    private static LocalDate date(Instant instant) {
        return instant == null ? null : instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
