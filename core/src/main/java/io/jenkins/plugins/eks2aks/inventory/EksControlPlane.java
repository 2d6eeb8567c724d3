package io.jenkins.plugins.eks2aks.inventory;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * What the EKS API says about the cluster: the control plane (DescribeCluster), its node groups, add-ons, Fargate
 * profiles, Pod Identity associations, access entries, version support dates and upgrade insights. Plain values,
 * independent of the SDK, so the rest of the inventory does not care where they came from.
 *
 * @param certificateAuthority the base64 PEM of the cluster CA, used to trust the API server; not a secret, not reported
 * @param notes                what could not be read and why (e.g. an API the caller may not call)
 */
public record EksControlPlane(String name, String arn, String region, String version, String platformVersion, String status,
                              String endpoint, String certificateAuthority, boolean endpointPublicAccess,
                              boolean endpointPrivateAccess, List<String> publicAccessCidrs, String vpcId, String serviceCidr,
                              String ipFamily, List<String> enabledLogTypes, String oidcIssuer, List<String> encryptedResources,
                              String authenticationMode, String supportType, boolean autoMode, List<Nodegroup> nodegroups,
                              List<Addon> addons, List<FargateProfile> fargateProfiles, List<PodIdentity> podIdentities,
                              List<String> accessEntries, LocalDate endOfStandardSupport, LocalDate endOfExtendedSupport,
                              List<Insight> insights, List<String> notes) {

    /** A managed node group (DescribeNodegroup). */
    public record Nodegroup(String name, List<String> instanceTypes, String capacityType, int minSize, int maxSize,
                            int desiredSize, String amiType, String releaseVersion, SortedMap<String, String> labels,
                            List<Taint> taints, Integer diskSize, String launchTemplate) {
    }

    /** A node-group taint; {@code effect} as EKS spells it: NO_SCHEDULE, NO_EXECUTE, PREFER_NO_SCHEDULE. */
    public record Taint(String key, String value, String effect) {
    }

    /** An EKS add-on (DescribeAddon). */
    public record Addon(String name, String version, String status, String serviceAccountRoleArn, int podIdentityAssociations) {
    }

    /** A Fargate profile: pods matching these selectors run on Fargate. */
    public record FargateProfile(String name, List<String> selectors) {
    }

    /** An EKS Pod Identity association: the role a service account's pods get. */
    public record PodIdentity(String namespace, String serviceAccount, String roleArn) {
    }

    /** An EKS upgrade insight (ListInsights). */
    public record Insight(String name, String category, String kubernetesVersion, String status, String description) {
    }
}
