package io.jenkins.plugins.eks2aks.clusters;

import io.jenkins.plugins.eks2aks.MigrationException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

import java.util.function.Supplier;

/**
 * Makes EKS API calls and words their failures in one line: a missing cluster names the region, a refused or expired
 * credential names where it came from, a denied call names the IAM action the identity lacks (EKS's action names
 * are its operation names), an unreachable endpoint names the region. Shared by connecting (DescribeCluster alone)
 * and the inventory's full read.
 */
public final class EksApiCalls {

    private final EksClient eks;
    private final String region;
    private final String credentialsSource;

    /**
     * @param region            the region the client asks, for messages
     * @param credentialsSource where the credentials came from (never a secret), for messages
     */
    public EksApiCalls(EksClient eks, String region, String credentialsSource) {
        this.eks = eks;
        this.region = region;
        this.credentialsSource = credentialsSource;
    }

    /** DescribeCluster: the one call connecting to a cluster needs. */
    public Cluster describeCluster(String clusterName) {
        return call("DescribeCluster", clusterName, () -> eks.describeCluster(r -> r.name(clusterName)).cluster());
    }

    /** {@code call}, an EKS API call named {@code operation}, with its failures as {@link MigrationException}s. */
    public <T> T call(String operation, String clusterName, Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceNotFoundException e) {
            throw new MigrationException("EKS cluster '" + clusterName + "' was not found in region '" + region
                    + "' (" + operation + "): check the cluster name and the region", e);
        } catch (AwsServiceException e) {
            throw new MigrationException(explain(operation, clusterName, e), e);
        } catch (SdkClientException e) {
            throw new MigrationException(explain(operation, e), e);
        }
    }

    private String explain(String operation, String clusterName, AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        var refused = AwsAuthentication.refusal(e, credentialsSource, AwsAuthentication.authority("EKS", eks));
        if (refused.isPresent()) {
            throw refused.get();
        }
        return switch (code) {
            case "AccessDeniedException" -> "AWS denied " + operation + " on cluster '" + clusterName + "' in region '" + region
                    + "' to the identity from " + credentialsSource + ": it needs eks:" + operation + " (" + message + ")";
            default -> "EKS " + operation + " failed for cluster '" + clusterName + "' in region '" + region + "': "
                    + code + " " + message;
        };
    }

    private String explain(String operation, SdkClientException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (message.contains("credentials")) {
            return "No AWS credentials for EKS " + operation + ": none found in " + credentialsSource;
        }
        return "Cannot reach the EKS API in region '" + region + "' (" + operation + "): " + message.lines().findFirst().orElse(message);
    }
}
