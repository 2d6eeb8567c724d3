package io.jenkins.plugins.eks2aks.clusters;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.credentials.AwsCredentials;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** AWS settings read the way AWS tools read them, from the environment the caller passes. */
class AwsSettingsTest {

    private static final Map<String, String> KEYS = Map.of("AWS_ACCESS_KEY_ID", "AKIAENV", "AWS_SECRET_ACCESS_KEY", "env-secret");

    @Test
    void serviceEndpointsWinOverTheGeneralOneWhichWinsOverTheRegionalDefault() {
        AwsSettings specific = AwsSettings.resolve(Map.of("AWS_ENDPOINT_URL", "https://vpce-all.example", "AWS_ENDPOINT_URL_EKS",
                "https://vpce-eks.example", "AWS_REGION", "eu-central-1"), null, null, new AwsCredentials("a", "b", null, "test"), "--region");
        assertEquals(URI.create("https://vpce-eks.example"), specific.eksEndpoint());
        assertEquals(URI.create("https://vpce-all.example"), specific.stsEndpoint());
        assertEquals(Region.EU_CENTRAL_1, specific.region());

        AwsSettings plain = AwsSettings.resolve(KEYS, "us-gov-west-1", null, null, "--region");
        assertNull(plain.eksEndpoint(), "the SDK's own endpoint");
        assertEquals(URI.create("https://sts.us-gov-west-1.amazonaws.com"), plain.stsEndpoint());
        assertEquals("AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY", plain.credentialsSource());
        assertEquals(URI.create("https://vpce-all.example"), specific.route53Endpoint());
        assertNull(plain.route53Endpoint());
    }

    @Test
    void route53NeedsNoRegionAndHasItsOwnEndpointVariable() {
        Map<String, String> env = new java.util.HashMap<>(KEYS);
        env.put("AWS_ENDPOINT_URL_ROUTE_53", "http://127.0.0.1:8053");
        env.put("AWS_ENDPOINT_URL", "https://vpce-all.example");
        AwsSettings global = AwsSettings.resolveGlobal(env, null, null);
        assertEquals(URI.create("http://127.0.0.1:8053"), global.route53Endpoint());
        assertEquals(Region.US_EAST_1, global.region(), "no region anywhere: us-east-1, the aws partition");
        env.put("AWS_REGION", "cn-north-1");
        assertEquals(Region.CN_NORTH_1, AwsSettings.resolveGlobal(env, null, null).region(), "a region still picks the partition");
    }

    @Test
    void theRegionOptionWinsOverTheVariables() {
        assertEquals(Region.AP_SOUTHEAST_2, AwsSettings.resolve(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "a",
                "AWS_SECRET_ACCESS_KEY", "b"), "ap-southeast-2", null, null, "--region").region());
        assertEquals(Region.US_WEST_2, AwsSettings.resolve(Map.of("AWS_DEFAULT_REGION", "us-west-2", "AWS_ACCESS_KEY_ID", "a",
                "AWS_SECRET_ACCESS_KEY", "b"), null, null, null, "--region").region());
    }

    @Test
    void anEndpointThatIsNotAUrlNamesTheVariable() {
        MigrationException e = assertThrows(MigrationException.class, () -> AwsSettings.resolve(Map.of("AWS_ENDPOINT_URL_STS", "sts.local"),
                "us-east-1", null, new AwsCredentials("a", "b", null, "test"), "--region"));
        assertEquals("AWS_ENDPOINT_URL_STS is not a URL: 'sts.local' (expected e.g. https://eks.us-east-1.amazonaws.com)", e.getMessage());
    }

    @Test
    void explicitCredentialsKeepTheirSourceForMessages() {
        AwsSettings s = AwsSettings.resolve(KEYS, "us-east-1", null, new AwsCredentials("AKIAJENKINS", "s", "t", "credential 'aws-prod'"), "--region");
        assertEquals("credential 'aws-prod'", s.credentialsSource());
        assertEquals("AKIAJENKINS", s.credentials().resolveCredentials().accessKeyId());
    }

    @Test
    void azureCredentialsFromTheEnvironmentNameTheMissingVariable() {
        MigrationException e = assertThrows(MigrationException.class,
                () -> AzureSettings.resolve(Map.of("AZURE_CLIENT_ID", "c", "AZURE_CLIENT_SECRET", "s"), null, "sub", "--subscription"));
        assertEquals("No Azure credentials: AZURE_TENANT_ID is not set (set AZURE_CLIENT_ID, AZURE_CLIENT_SECRET and AZURE_TENANT_ID)", e.getMessage());
        MigrationException sub = assertThrows(MigrationException.class, () -> AzureSettings.resolve(
                Map.of("AZURE_CLIENT_ID", "c", "AZURE_CLIENT_SECRET", "s", "AZURE_TENANT_ID", "t"), null, null, "--subscription"));
        assertEquals("No Azure subscription: give --subscription or set AZURE_SUBSCRIPTION_ID", sub.getMessage());
        AzureSettings ok = AzureSettings.resolve(Map.of("AZURE_CLIENT_ID", "c", "AZURE_CLIENT_SECRET", "s", "AZURE_TENANT_ID", "t",
                "AZURE_SUBSCRIPTION_ID", "sub", "AZURE_RESOURCE_MANAGER_ENDPOINT", "https://management.chinacloudapi.cn/"), null, null, "--subscription");
        assertEquals("sub", ok.subscriptionId());
        assertEquals(URI.create("https://management.chinacloudapi.cn/"), ok.resourceManagerEndpoint());
    }
}
