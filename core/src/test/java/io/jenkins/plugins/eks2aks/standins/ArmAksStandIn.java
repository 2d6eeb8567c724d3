package io.jenkins.plugins.eks2aks.standins;

import com.azure.core.http.HttpClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * A local stand-in for Azure Resource Manager's {@code Microsoft.ContainerService/managedClusters} GET, over HTTPS
 * (azure-core sends bearer tokens only over HTTPS) with a self-signed certificate for {@code localhost}. Answers
 * with the REST API's JSON shape, or ARM's 404 error body for any other cluster.
 */
public final class ArmAksStandIn implements AutoCloseable {

    private final HttpsServer server;
    private final LocalTls tls = new LocalTls();
    private final String resourceGroup;
    private final String name;
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private volatile String properties;
    private final AcrRoleAssignments rbac = new AcrRoleAssignments();
    private volatile boolean entraIntegration;
    private volatile boolean localAccounts = true;
    private volatile String apiServer;
    private volatile String certificateAuthority = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCnN0YW5kLWluLWNhCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K";

    public ArmAksStandIn(String resourceGroup, String name) {
        this.resourceGroup = resourceGroup;
        this.name = name;
        server = tls.server();
        server.createContext("/", this::handle);
        server.start();
        properties(true, true, true);
    }

    /** The cluster's properties: OIDC issuer, Workload ID and the snapshot controller on or off. */
    public void properties(boolean oidc, boolean workloadIdentity, boolean snapshotController) {
        properties = """
                {"provisioningState":"Succeeded","powerState":{"code":"Running"},"kubernetesVersion":"1.34",
                 "currentKubernetesVersion":"1.34.1","dnsPrefix":"%2$s","fqdn":"%2$s-6c1f2b.hcp.eastus.azmk8s.io",
                 "agentPoolProfiles":[{"name":"system","count":3,"vmSize":"Standard_D4s_v5","osDiskSizeGB":128,"osType":"Linux",
                   "mode":"System","orchestratorVersion":"1.34.1","enableAutoScaling":true,"minCount":3,"maxCount":5,
                   "type":"VirtualMachineScaleSets","provisioningState":"Succeeded","powerState":{"code":"Running"}}],
                 "addonProfiles":{"azureKeyvaultSecretsProvider":{"enabled":true,"config":{"enableSecretRotation":"false"}},
                   "ingressApplicationGateway":{"enabled":false}},
                 "nodeResourceGroup":"MC_%1$s_%2$s_eastus","enableRBAC":true,
                 "networkProfile":{"networkPlugin":"azure","networkPluginMode":"overlay","networkDataplane":"cilium",
                   "podCidr":"10.244.0.0/16","serviceCidr":"10.0.0.0/16","dnsServiceIP":"10.0.0.10","outboundType":"loadBalancer",
                   "loadBalancerSku":"standard"},
                 "identityProfile":{"kubeletidentity":{"resourceId":"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/MC_%1$s_%2$s_eastus/providers/Microsoft.ManagedIdentity/userAssignedIdentities/%2$s-agentpool",
                   "clientId":"5f0c8a1e-2b3d-4c5e-8f9a-0b1c2d3e4f50","objectId":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"}},
                 "oidcIssuerProfile":{"enabled":%3$s,"issuerURL":"https://eastus.oic.prod-aks.azure.com/11111111-2222-3333-4444-555555555555/66666666-7777-8888-9999-000000000000/"},
                 "securityProfile":{"workloadIdentity":{"enabled":%4$s}},
                 "storageProfile":{"diskCSIDriver":{"enabled":true},"fileCSIDriver":{"enabled":true},"snapshotController":{"enabled":%5$s},
                   "blobCSIDriver":{"enabled":false}},
                 "ingressProfile":{"webAppRouting":{"enabled":true,"dnsZoneResourceIds":[]}},
                 "supportPlan":"KubernetesOfficial"}""".formatted(resourceGroup, name, oidc, workloadIdentity, snapshotController);
    }

    /** The cluster's Kubernetes minor version (e.g. {@code 1.35}) instead of 1.34, in every field ARM reports it. */
    public void kubernetesVersion(String minor) {
        properties = properties.replace("\"1.34\"", "\"" + minor + "\"").replace("\"1.34.1\"", "\"" + minor + ".1\"");
    }

    /**
     * A cluster created with the defaults, as the 2025-07-01 API returns it: {@code securityProfile: {}} (no
     * workloadIdentity field), {@code oidcIssuerProfile.enabled: false}, no {@code blobCSIDriver} in the storage profile.
     */
    public void propertiesAsCreatedWithDefaults() {
        properties = """
                {"provisioningState":"Succeeded","powerState":{"code":"Running"},"kubernetesVersion":"1.34",
                 "currentKubernetesVersion":"1.34.1","dnsPrefix":"%2$s","fqdn":"%2$s-6c1f2b.hcp.eastus.azmk8s.io",
                 "agentPoolProfiles":[{"name":"nodepool1","count":3,"vmSize":"Standard_D4ds_v5","osDiskSizeGB":128,"osType":"Linux",
                   "mode":"System","orchestratorVersion":"1.34.1","type":"VirtualMachineScaleSets","provisioningState":"Succeeded"}],
                 "nodeResourceGroup":"MC_%1$s_%2$s_eastus","enableRBAC":true,
                 "networkProfile":{"networkPlugin":"azure","networkPluginMode":"overlay","podCidr":"10.244.0.0/16",
                   "serviceCidr":"10.0.0.0/16","dnsServiceIP":"10.0.0.10","outboundType":"loadBalancer","loadBalancerSku":"standard"},
                 "identityProfile":{"kubeletidentity":{"resourceId":"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/MC_%1$s_%2$s_eastus/providers/Microsoft.ManagedIdentity/userAssignedIdentities/%2$s-agentpool",
                   "clientId":"5f0c8a1e-2b3d-4c5e-8f9a-0b1c2d3e4f50","objectId":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"}},
                 "oidcIssuerProfile":{"enabled":false},
                 "securityProfile":{},
                 "storageProfile":{"diskCSIDriver":{"enabled":true},"fileCSIDriver":{"enabled":true},"snapshotController":{"enabled":true}},
                 "supportPlan":"KubernetesOfficial"}""".formatted(resourceGroup, name);
    }

    /**
     * Entra ID integration on (user credentials sign in with {@code kubelogin}, as ARM returns them for such a cluster)
     * or off (user credentials hold a client certificate and a token); and local accounts (admin credentials) allowed.
     */
    public void access(boolean entraIntegration, boolean localAccounts) {
        this.entraIntegration = entraIntegration;
        this.localAccounts = localAccounts;
    }

    /**
     * The API server the kubeconfigs name and its CA (base64 PEM), e.g. a mock cluster's, instead of the cluster's
     * {@code *.hcp.eastus.azmk8s.io} address.
     */
    public void apiServer(String url, String certificateAuthority) {
        this.apiServer = url;
        this.certificateAuthority = certificateAuthority;
    }

    /** The static token ARM puts in a local-account kubeconfig (a secret). */
    public static final String LOCAL_TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    /** The client key ARM puts in a local-account kubeconfig (a secret), base64 PEM. */
    public static final String CLIENT_KEY_DATA = "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpzdGFuZC1pbi1rZXkKLS0tLS1FTkQgUlNBIFBSSVZBVEUgS0VZLS0tLS0K";

    /** The kubeconfig ARM's listClusterUserCredential / listClusterAdminCredential returns, in its real layout. */
    String kubeconfig(boolean admin) {
        String user = (admin ? "clusterAdmin_" : "clusterUser_") + resourceGroup + "_" + name;
        String credentials = !admin && entraIntegration ? """
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      args:
                      - get-token
                      - --environment
                      - AzurePublicCloud
                      - --server-id
                      - 6dae42f8-4368-4678-94ff-3960e28e3630
                      - --client-id
                      - 80faf920-1908-4b52-b5ef-a8e7bedfc67a
                      - --tenant-id
                      - 11111111-2222-3333-4444-555555555555
                      - --login
                      - devicecode
                      command: kubelogin
                      env: null
                      installHint: |
                        kubelogin is not installed which is required to connect to AAD enabled cluster.
                      provideClusterInfo: false
                """ : """
                    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCnN0YW5kLWluLWNlcnQKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=
                    client-key-data: %s
                    token: %s
                """.formatted(CLIENT_KEY_DATA, LOCAL_TOKEN);
        return """
                apiVersion: v1
                clusters:
                - cluster:
                    certificate-authority-data: %4$s
                    server: %5$s
                  name: %2$s
                contexts:
                - context:
                    cluster: %2$s
                    user: %1$s
                  name: %2$s
                current-context: %2$s
                kind: Config
                preferences: {}
                users:
                - name: %1$s
                  user:
                %3$s""".formatted(user, name, credentials, certificateAuthority,
                apiServer != null ? apiServer : "https://" + name + "-6c1f2b.hcp.eastus.azmk8s.io:443");
    }

    /** The ARM endpoint: {@code https://localhost:PORT/}. */
    public URI uri() {
        return URI.create("https://localhost:" + server.getAddress().getPort() + "/");
    }

    /** An Azure HTTP client that trusts this stand-in's certificate (and nothing else). */
    public HttpClient httpClient() {
        return tls.httpClient();
    }

    public List<String> authorizations() {
        synchronized (authorizations) {
            return List.copyOf(authorizations);
        }
    }

    /** A registry {@code NAME.azurecr.io} in the subscription; returns its ARM id. */
    public String registry(String subscription, String registryResourceGroup, String registryName) {
        return rbac.addRegistry(subscription, registryResourceGroup, registryName);
    }

    /** Assigns the role (its definition's GUID) to the principal at the scope. */
    public void assignRole(String scope, String principalId, String roleGuid) {
        rbac.assign(scope, principalId, roleGuid);
    }

    /** A custom role with these actions; returns its GUID. */
    public String customRole(String name, String... actions) {
        String guid = java.util.UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
        rbac.defineRole(guid, name, actions);
        return guid;
    }

    /** The GUID of the built-in AcrPull role. */
    public static String acrPullRole() {
        return AcrRoleAssignments.ACR_PULL;
    }

    private void handle(HttpExchange exchange) throws IOException {
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        String path = exchange.getRequestURI().getPath();
        String[] rbacAnswer = exchange.getRequestMethod().equals("GET") ? rbac.answer(path, exchange.getRequestURI().getRawQuery()) : null;
        if (rbacAnswer != null) {
            send(exchange, Integer.parseInt(rbacAnswer[0]), rbacAnswer[1]);
            return;
        }
        String expected = "/resourceGroups/" + resourceGroup + "/providers/Microsoft.ContainerService/managedClusters/" + name;
        String lower = path.toLowerCase();
        if (exchange.getRequestMethod().equals("POST") && (lower.endsWith((expected + "/listClusterUserCredential").toLowerCase())
                || lower.endsWith((expected + "/listClusterAdminCredential").toLowerCase()))) {
            boolean admin = lower.endsWith("admincredential");
            if (admin && !localAccounts) {
                send(exchange, 400, "{\"code\":\"BadRequest\",\"message\":\"Getting static credential is not allowed because this "
                        + "cluster is set to disable local accounts.\"}");
                return;
            }
            String value = Base64.getEncoder().encodeToString(kubeconfig(admin).getBytes(StandardCharsets.UTF_8));
            send(exchange, 200, "{\"kubeconfigs\":[{\"name\":\"" + (admin ? "clusterAdmin" : "clusterUser") + "\",\"value\":\"" + value + "\"}]}");
        } else if (exchange.getRequestMethod().equals("GET") && path.toLowerCase().endsWith(expected.toLowerCase())) {
            String sub = path.substring("/subscriptions/".length(), path.indexOf("/resourceGroups"));
            send(exchange, 200, """
                    {"id":"/subscriptions/%s%s","location":"eastus","name":"%s","type":"Microsoft.ContainerService/ManagedClusters",
                     "sku":{"name":"Base","tier":"Standard"},"identity":{"type":"SystemAssigned","principalId":"0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9",
                     "tenantId":"11111111-2222-3333-4444-555555555555"},"properties":%s}""".formatted(sub, expected, name, properties));
        } else {
            String[] parts = path.split("/");
            send(exchange, 404, "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource 'Microsoft.ContainerService/managedClusters/"
                    + parts[parts.length - 1] + "' under resource group '" + (parts.length > 4 ? parts[4] : "") + "' was not found.\"}}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().add("x-ms-request-id", "8d2f0e4c-0000-4000-8000-000000000000");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        tls.close();
    }
}
