package io.jenkins.plugins.eks2aks.clusters;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.connect.ClusterConnector;
import io.jenkins.plugins.eks2aks.events.EventSink;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * When the region or the subscription is found nowhere, the connector asks for the option the way the front end that
 * validated the access spells it: {@code --region} on the command line, the step's parameter in a Jenkins log.
 */
class ClusterConnectorOptionNamesTest {

    /** The Velero steps' parameters. */
    private static final ClusterAccessOptions.Names STEP = new ClusterAccessOptions.Names("kubeconfig", "context", "cluster",
            "region", "resourceGroup", "cluster", "subscription");
    // A profile nobody has: the region cannot come from ~/.aws/config either.
    private static final Map<String, String> AWS = Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", "s",
            "AWS_PROFILE", "eks2aks-test-no-such-profile");
    private static final Map<String, String> AZURE = Map.of("AZURE_CLIENT_ID", "c", "AZURE_CLIENT_SECRET", "s", "AZURE_TENANT_ID", "t");

    private static String eksWithoutRegion(ClusterAccessOptions.Names names) {
        ClusterAccess access = new ClusterAccessOptions(null, null, "shop-prod", null, null, null, null)
                .access(names, ClusterAccessOptions.Side.EKS);
        return assertThrows(MigrationException.class, () -> connector(AWS).connect(access)).getMessage();
    }

    private static String aksWithoutSubscription(ClusterAccessOptions.Names names) {
        ClusterAccess access = new ClusterAccessOptions(null, null, null, null, "shop-rg", "shop-aks", null)
                .access(names, ClusterAccessOptions.Side.AKS);
        return assertThrows(MigrationException.class, () -> connector(AZURE).connect(access)).getMessage();
    }

    private static ClusterConnector connector(Map<String, String> env) {
        return new ClusterConnector(env, null, null, null, Duration.ofSeconds(5), Clock.systemUTC(), EventSink.NONE);
    }

    @Test
    void theCommandLineIsAskedForRegion() {
        assertEquals("No AWS region: give --region or set AWS_REGION", eksWithoutRegion(ClusterAccessOptions.Names.CLI));
    }

    @Test
    void aStepIsAskedForItsRegionParameter() {
        assertEquals("No AWS region: give region or set AWS_REGION", eksWithoutRegion(STEP));
    }

    @Test
    void theCommandLineIsAskedForSubscription() {
        assertEquals("No Azure subscription: give --subscription or set AZURE_SUBSCRIPTION_ID",
                aksWithoutSubscription(ClusterAccessOptions.Names.CLI));
    }

    @Test
    void aStepIsAskedForItsSubscriptionParameter() {
        assertEquals("No Azure subscription: give subscription or set AZURE_SUBSCRIPTION_ID", aksWithoutSubscription(STEP));
    }
}
