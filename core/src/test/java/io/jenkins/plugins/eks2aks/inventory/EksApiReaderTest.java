package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.clusters.CloudAuthenticationException;
import io.jenkins.plugins.eks2aks.clusters.EksClients;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.standins.EksApiStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.EksClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real SDK EKS client against a local stand-in that answers with the EKS API's JSON shapes. */
class EksApiReaderTest {

    private final EksApiStandIn eksApi = new EksApiStandIn("shop-prod");
    private final AwsSettings aws = AwsSettings.resolve(Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_ENDPOINT_URL_EKS", eksApi.uri().toString()),
            "us-east-1", null, null, "--region");
    private final EksClient client = EksClients.create(aws, Duration.ofSeconds(5));

    @AfterEach
    void close() {
        client.close();
        eksApi.close();
    }

    private EksControlPlane read(String cluster) {
        return new EksApiReader(client, "us-east-1", aws.credentialsSource(), EventSink.NONE).read(cluster);
    }

    @Test
    void readsTheControlPlaneAndFollowsEveryListPage() {
        EksControlPlane cp = read("shop-prod");

        assertEquals("1.29", cp.version());
        assertEquals("eks.23", cp.platformVersion());
        assertEquals("https://oidc.eks.us-east-1.amazonaws.com/id/5C2A4B7E0D9F1A3B", cp.oidcIssuer());
        assertEquals(List.of("api", "audit", "authenticator"), cp.enabledLogTypes());
        assertEquals("API_AND_CONFIG_MAP", cp.authenticationMode());
        assertEquals("EXTENDED", cp.supportType());
        assertEquals(List.of("secrets with arn:aws:kms:us-east-1:123456789012:key/1a2b3c4d"), cp.encryptedResources());
        assertEquals(List.of("shop-ondemand", "shop-spot", "gpu-custom"), cp.nodegroups().stream().map(EksControlPlane.Nodegroup::name).toList());
        assertEquals(List.of("vpc-cni", "eks-pod-identity-agent", "aws-guardduty-agent"), cp.addons().stream().map(EksControlPlane.Addon::name).toList());
        assertEquals(2, cp.podIdentities().size());
        assertEquals("arn:aws:iam::123456789012:role/shop-report-pod-identity", cp.podIdentities().get(1).roleArn());
        assertEquals(List.of("arn:aws:iam::123456789012:role/Admin", "arn:aws:iam::123456789012:role/Deployer"), cp.accessEntries());
        assertEquals(List.of("namespace batch labels {compute=fargate}"), cp.fargateProfiles().get(0).selectors());
        assertEquals(LocalDate.of(2025, 3, 23), cp.endOfStandardSupport());
        assertEquals(LocalDate.of(2026, 3, 23), cp.endOfExtendedSupport());
        assertEquals("WARNING", cp.insights().get(0).status());

        List<String> nodegroupPages = eksApi.requests().stream().filter(r -> r.path().endsWith("/node-groups")).map(EksApiStandIn.Request::query).toList();
        assertEquals(3, nodegroupPages.size(), "one item per page: three ListNodegroups calls");
        assertTrue(nodegroupPages.get(1).contains("nextToken=page-1") && nodegroupPages.get(2).contains("nextToken=page-2"), nodegroupPages.toString());
        assertEquals(2, eksApi.requests().stream().filter(r -> r.path().endsWith("/pod-identity-associations")).count());
        assertTrue(eksApi.requests().stream().allMatch(r -> r.authorization() != null && r.authorization().startsWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/")),
                "every call is SigV4-signed");
    }

    @Test
    void aCallTheIdentityMayNotMakeIsNotedAsNotCheckedAndTheRestIsRead() {
        eksApi.deny("/insights");

        EksControlPlane cp = read("shop-prod");

        assertEquals(List.of(), cp.insights());
        assertEquals(List.of("ListInsights not checked: AccessDeniedException (User: arn:aws:iam::123456789012:user/ci is not "
                + "authorized to perform this action)"), cp.notes());
        assertEquals(3, cp.nodegroups().size());
    }

    @Test
    void anUnknownClusterNamesTheClusterAndTheRegion() {
        MigrationException e = assertThrows(MigrationException.class, () -> read("shop-staging"));

        assertEquals("EKS cluster 'shop-staging' was not found in region 'us-east-1' (DescribeCluster): check the cluster name and the region",
                e.getMessage());
    }

    @Test
    void expiredCredentialsSayWhereTheCredentialsCameFrom() {
        eksApi.failWith("ExpiredTokenException");

        MigrationException e = assertThrows(MigrationException.class, () -> read("shop-prod"));

        assertInstanceOf(CloudAuthenticationException.class, e);
        assertEquals("The AWS credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY have expired (ExpiredTokenException at EKS in "
                + "us-east-1 (" + eksApi.uri() + ")): refresh the session token", e.getMessage());
        assertFalse(e.getMessage().contains("wJalrXUtnFEMI"));
    }

    @Test
    void anUnreachableEksEndpointIsNamed() {
        eksApi.close();

        MigrationException e = assertThrows(MigrationException.class, () -> read("shop-prod"));

        assertTrue(e.getMessage().startsWith("Cannot reach the EKS API in region 'us-east-1' (DescribeCluster)"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
    }
}
