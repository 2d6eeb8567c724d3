package io.jenkins.plugins.eks2aks.standins;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the Amazon EKS API (REST-JSON, as the EKS API reference and the SDK's service model define
 * it): DescribeCluster, List/DescribeNodegroup, List/DescribeAddon, List/DescribeFargateProfile, List/Describe
 * PodIdentityAssociation, ListAccessEntries, DescribeClusterVersions and ListInsights, every list paginated one
 * item per page with {@code nextToken}. The AWS SDK's real EKS client talks to it through its endpoint override.
 * Errors carry {@code x-amzn-ErrorType}, as the service sends them.
 */
public final class EksApiStandIn implements AutoCloseable {

    /** One request as received. */
    public record Request(String method, String path, String query, String authorization) {
    }

    private final HttpServer server;
    private final String clusterName;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile String endpoint = "https://5C2A4B7E0D9F1A3B.gr7.us-east-1.eks.amazonaws.com";
    private volatile String certificateAuthority = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==";
    private volatile String errorType;
    private volatile String deniedPathSuffix;

    private final Map<String, String> nodegroups = new LinkedHashMap<>();
    private final Map<String, String> addons = new LinkedHashMap<>();
    private final Map<String, String> fargate = new LinkedHashMap<>();
    private final Map<String, String> podIdentities = new LinkedHashMap<>();

    public EksApiStandIn(String clusterName) {
        this.clusterName = clusterName;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        nodegroups.put("shop-ondemand", """
                {"nodegroupName":"shop-ondemand","nodegroupArn":"arn:aws:eks:us-east-1:123456789012:nodegroup/shop-prod/shop-ondemand/1ac6",
                 "clusterName":"shop-prod","version":"1.29","releaseVersion":"1.29.3-20240531","createdAt":1.676371012E9,"modifiedAt":1.717142400E9,
                 "status":"ACTIVE","capacityType":"ON_DEMAND","scalingConfig":{"minSize":2,"maxSize":6,"desiredSize":3},
                 "instanceTypes":["m5.large"],"subnets":["subnet-0a1b2c3d4e5f60001","subnet-0a1b2c3d4e5f60002"],
                 "amiType":"AL2023_x86_64_STANDARD","nodeRole":"arn:aws:iam::123456789012:role/eks-node-role",
                 "labels":{"workload":"shop","eks.amazonaws.com/nodegroup-image":"ami-0abc"},"taints":[],"diskSize":50,
                 "health":{"issues":[]},"updateConfig":{"maxUnavailable":1},"tags":{}}""");
        nodegroups.put("shop-spot", """
                {"nodegroupName":"shop-spot","clusterName":"shop-prod","version":"1.29","status":"ACTIVE","capacityType":"SPOT",
                 "scalingConfig":{"minSize":0,"maxSize":10,"desiredSize":2},"instanceTypes":["m5.xlarge","m5a.xlarge"],
                 "amiType":"AL2023_x86_64_STANDARD","labels":{"lifecycle":"spot"},
                 "taints":[{"key":"spot","value":"true","effect":"NO_SCHEDULE"},{"key":"batch-only","effect":"PREFER_NO_SCHEDULE"}],
                 "diskSize":100,"updateConfig":{"maxUnavailablePercentage":33}}""");
        nodegroups.put("gpu-custom", """
                {"nodegroupName":"gpu-custom","clusterName":"shop-prod","version":"1.29","status":"ACTIVE","capacityType":"ON_DEMAND",
                 "scalingConfig":{"minSize":1,"maxSize":2,"desiredSize":1},"amiType":"CUSTOM",
                 "launchTemplate":{"name":"gpu-lt","version":"3","id":"lt-0abc1234def567890"},"labels":{},"taints":[]}""");
        addons.put("vpc-cni", """
                {"addonName":"vpc-cni","clusterName":"shop-prod","status":"ACTIVE","addonVersion":"v1.18.3-eksbuild.1",
                 "addonArn":"arn:aws:eks:us-east-1:123456789012:addon/shop-prod/vpc-cni/0ec6","createdAt":1.676371012E9,
                 "serviceAccountRoleArn":"arn:aws:iam::123456789012:role/AmazonEKSVPCCNIRole","podIdentityAssociations":[]}""");
        addons.put("eks-pod-identity-agent", """
                {"addonName":"eks-pod-identity-agent","clusterName":"shop-prod","status":"ACTIVE","addonVersion":"v1.3.2-eksbuild.2",
                 "podIdentityAssociations":[]}""");
        addons.put("aws-guardduty-agent", """
                {"addonName":"aws-guardduty-agent","clusterName":"shop-prod","status":"ACTIVE","addonVersion":"v1.7.1-eksbuild.1"}""");
        fargate.put("batch", """
                {"fargateProfileName":"batch","fargateProfileArn":"arn:aws:eks:us-east-1:123456789012:fargateprofile/shop-prod/batch/5ac6",
                 "clusterName":"shop-prod","podExecutionRoleArn":"arn:aws:iam::123456789012:role/eks-fargate","subnets":["subnet-0a1b2c3d4e5f60001"],
                 "selectors":[{"namespace":"batch","labels":{"compute":"fargate"}}],"status":"ACTIVE","tags":{}}""");
        podIdentities.put("a-0123456789abcdef0", """
                {"clusterName":"shop-prod","namespace":"shop","serviceAccount":"shop-api","roleArn":"arn:aws:iam::123456789012:role/shop-api-pod-identity",
                 "associationArn":"arn:aws:eks:us-east-1:123456789012:podidentityassociation/shop-prod/a-0123456789abcdef0",
                 "associationId":"a-0123456789abcdef0","tags":{},"createdAt":1.717142400E9,"modifiedAt":1.717142400E9,"disableSessionTags":false}""");
        podIdentities.put("a-0fedcba9876543210", """
                {"clusterName":"shop-prod","namespace":"shop","serviceAccount":"shop-report","roleArn":"arn:aws:iam::123456789012:role/shop-report-pod-identity",
                 "associationId":"a-0fedcba9876543210","disableSessionTags":false}""");
    }

    /** The endpoint override for the SDK client. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What DescribeCluster answers as the API server endpoint and its CA (base64 PEM). */
    public void apiServer(String endpoint, String certificateAuthority) {
        this.endpoint = endpoint;
        this.certificateAuthority = certificateAuthority;
    }

    /** Every later request fails with this error type (e.g. ExpiredTokenException), as EKS would. */
    public void failWith(String errorType) {
        this.errorType = errorType;
    }

    /** Requests whose path ends with {@code suffix} (e.g. {@code /insights}) are denied, as IAM would deny one action. */
    public void deny(String suffix) {
        this.deniedPathSuffix = suffix;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String path = uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        requests.add(new Request(exchange.getRequestMethod(), path, query, exchange.getRequestHeaders().getFirst("Authorization")));
        exchange.getRequestBody().readAllBytes();
        if (errorType != null) {
            int status = errorType.startsWith("Expired") || errorType.startsWith("Unrecognized") || errorType.startsWith("AccessDenied") ? 403 : 400;
            error(exchange, status, errorType, "The security token included in the request is expired");
            return;
        }
        if (deniedPathSuffix != null && path.endsWith(deniedPathSuffix)) {
            error(exchange, 403, "AccessDeniedException", "User: arn:aws:iam::123456789012:user/ci is not authorized to perform this action");
            return;
        }
        String token = param(query, "nextToken");
        Matcher m;
        if (path.equals("/cluster-versions")) {
            send(exchange, 200, """
                    {"clusterVersions":[{"clusterVersion":"1.29","clusterType":"eks","defaultPlatformVersion":"eks.23","defaultVersion":false,
                     "releaseDate":1.7060544E9,"endOfStandardSupportDate":1.7426880E9,"endOfExtendedSupportDate":1.7742240E9,
                     "status":"EXTENDED_SUPPORT","versionStatus":"EXTENDED_SUPPORT","kubernetesPatchVersion":"1.29.13"}]}""");
        } else if ((m = match("^/clusters/([^/]+)$", path)) != null) {
            if (!m.group(1).equals(clusterName)) {
                error(exchange, 404, "ResourceNotFoundException", "No cluster found for name: " + decode(m.group(1)) + ".");
                return;
            }
            send(exchange, 200, "{\"cluster\":" + cluster() + "}");
        } else if (!path.startsWith("/clusters/" + clusterName + "/")) {
            error(exchange, 404, "ResourceNotFoundException", "No cluster found for name: " + path + ".");
        } else if ((m = match("/node-groups(?:/([^/]+))?$", path)) != null) {
            listOrDescribe(exchange, m, nodegroups, "nodegroups", "nodegroup", token);
        } else if ((m = match("/addons(?:/([^/]+))?$", path)) != null) {
            listOrDescribe(exchange, m, addons, "addons", "addon", token);
        } else if ((m = match("/fargate-profiles(?:/([^/]+))?$", path)) != null) {
            listOrDescribe(exchange, m, fargate, "fargateProfileNames", "fargateProfile", token);
        } else if ((m = match("/pod-identity-associations(?:/([^/]+))?$", path)) != null) {
            if (m.group(1) != null) {
                send(exchange, 200, "{\"association\":" + podIdentities.get(m.group(1)) + "}");
            } else {
                page(exchange, new ArrayList<>(podIdentities.keySet()), token, "associations", id -> {
                    String json = podIdentities.get(id);
                    return "{\"clusterName\":\"" + clusterName + "\",\"associationId\":\"" + id + "\","
                            + json.substring(json.indexOf("\"namespace\""), json.indexOf(",\"roleArn\"")) + "}";
                });
            }
        } else if (path.endsWith("/access-entries")) {
            page(exchange, List.of("arn:aws:iam::123456789012:role/Admin", "arn:aws:iam::123456789012:role/Deployer"), token,
                    "accessEntries", e -> "\"" + e + "\"");
        } else if (path.endsWith("/insights")) {
            send(exchange, 200, """
                    {"insights":[{"id":"6a5b2d3c-1e4f-4a8b-9c7d-0e1f2a3b4c5d","name":"Deprecated APIs removed in Kubernetes v1.32",
                     "category":"UPGRADE_READINESS","kubernetesVersion":"1.32","lastRefreshTime":1.764000000E9,"lastTransitionTime":1.763000000E9,
                     "description":"Checks for usage of deprecated APIs that are scheduled for removal in Kubernetes v1.32.",
                     "insightStatus":{"status":"WARNING","reason":"Deprecated API usage detected within last 30 days."}},
                     {"id":"7b6c3e4d-2f5a-4b9c-8d0e-1f2a3b4c5d6e","name":"Kubelet version skew","category":"UPGRADE_READINESS",
                      "kubernetesVersion":"1.30","description":"Checks for kubelet versions of worker nodes in the cluster.",
                      "insightStatus":{"status":"PASSING","reason":"No issues detected."}}]}""");
        } else {
            error(exchange, 404, "ResourceNotFoundException", "Unknown path " + path);
        }
    }

    private String cluster() {
        return """
                {"name":"%s","arn":"arn:aws:eks:us-east-1:123456789012:cluster/%s","createdAt":1.676370161E9,"version":"1.29",
                 "endpoint":"%s","roleArn":"arn:aws:iam::123456789012:role/eks-cluster-role",
                 "resourcesVpcConfig":{"subnetIds":["subnet-0a1b2c3d4e5f60001","subnet-0a1b2c3d4e5f60002"],"securityGroupIds":[],
                   "clusterSecurityGroupId":"sg-0123456789abcdef0","vpcId":"vpc-0a1b2c3d4e5f67890","endpointPublicAccess":true,
                   "endpointPrivateAccess":true,"publicAccessCidrs":["203.0.113.0/24"]},
                 "kubernetesNetworkConfig":{"serviceIpv4Cidr":"172.20.0.0/16","ipFamily":"ipv4","elasticLoadBalancing":{"enabled":false}},
                 "logging":{"clusterLogging":[{"types":["api","audit","authenticator"],"enabled":true},
                   {"types":["controllerManager","scheduler"],"enabled":false}]},
                 "identity":{"oidc":{"issuer":"https://oidc.eks.us-east-1.amazonaws.com/id/5C2A4B7E0D9F1A3B"}},
                 "status":"ACTIVE","certificateAuthority":{"data":"%s"},"platformVersion":"eks.23","tags":{"team":"shop"},
                 "encryptionConfig":[{"resources":["secrets"],"provider":{"keyArn":"arn:aws:kms:us-east-1:123456789012:key/1a2b3c4d"}}],
                 "accessConfig":{"authenticationMode":"API_AND_CONFIG_MAP","bootstrapClusterCreatorAdminPermissions":true},
                 "upgradePolicy":{"supportType":"EXTENDED"}}""".formatted(clusterName, clusterName, endpoint, certificateAuthority);
    }

    private void listOrDescribe(HttpExchange exchange, Matcher m, Map<String, String> items, String listField, String itemField,
                                String token) throws IOException {
        if (m.group(1) == null) {
            page(exchange, new ArrayList<>(items.keySet()), token, listField, name -> "\"" + name + "\"");
        } else if (items.containsKey(decode(m.group(1)))) {
            send(exchange, 200, "{\"" + itemField + "\":" + items.get(decode(m.group(1))) + "}");
        } else {
            error(exchange, 404, "ResourceNotFoundException", "No " + itemField + " found for name: " + decode(m.group(1)) + ".");
        }
    }

    /** One item per page: the token is the index of the next item. */
    private void page(HttpExchange exchange, List<String> all, String token, String field,
                      java.util.function.Function<String, String> json) throws IOException {
        int from = token == null ? 0 : Integer.parseInt(token.replace("page-", ""));
        StringBuilder body = new StringBuilder("{\"" + field + "\":[");
        if (from < all.size()) {
            body.append(json.apply(all.get(from)));
        }
        body.append("]");
        if (from + 1 < all.size()) {
            body.append(",\"nextToken\":\"page-").append(from + 1).append("\"");
        }
        send(exchange, 200, body.append("}").toString());
    }

    private static Matcher match(String regex, String path) {
        Matcher m = Pattern.compile(regex).matcher(path);
        return m.find() ? m : null;
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return decode(pair.substring(name.length() + 1));
            }
        }
        return null;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazon.coral.service/");
        send(exchange, status, "{\"message\":\"" + message + "\"}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("x-amzn-RequestId", "4b6f1c2e-0000-4000-8000-000000000000");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
