package io.jenkins.plugins.eks2aks.preflight;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads whether the kubelet identity can pull from an ACR, the way {@code az aks check-acr} decides it from the control
 * plane: the registry by its login server among the subscription's registries, the role assignments of the kubelet
 * identity that apply at the registry ({@code $filter=assignedTo(...)}, inherited ones included), and each assigned
 * role's permissions ({@code AcrPull}, or any role whose actions cover {@code registries/pull/read}).
 */
public final class AcrPullReader {

    static final String PULL = "Microsoft.ContainerRegistry/registries/pull/read";
    private static final String ACR_PULL_ROLE = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpPipeline arm;
    private final String endpoint;
    private final String subscriptionId;

    /**
     * @param arm            the ARM pipeline (the cluster reader's, with its credential and retries)
     * @param endpoint       ARM, e.g. {@code https://management.azure.com/}
     * @param subscriptionId where the registry is looked for
     */
    public AcrPullReader(HttpPipeline arm, String endpoint, String subscriptionId) {
        this.arm = arm;
        this.endpoint = endpoint.replaceAll("/+$", "");
        this.subscriptionId = subscriptionId;
    }

    public AcrPull read(String loginServer, String kubeletObjectId) {
        if (kubeletObjectId == null) {
            return AcrPull.unknown("the cluster has no kubelet identity in ARM (a service-principal cluster?)");
        }
        String registryId = registryId(loginServer);
        if (registryId == null) {
            return AcrPull.unknown("no registry with login server " + loginServer + " in subscription " + subscriptionId
                    + " is visible to this identity");
        }
        JsonNode assignments = get(registryId + "/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter="
                + URLEncoder.encode("assignedTo('" + kubeletObjectId + "')", StandardCharsets.UTF_8).replace("+", "%20"));
        if (assignments == null) {
            return new AcrPull(registryId, null, "the role assignments on " + registryId + " cannot be read by this identity "
                    + "(it needs Microsoft.Authorization/roleAssignments/read, e.g. Reader)");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode a : assignments.path("value")) {
            roles.add(a.path("properties").path("roleDefinitionId").asText());
        }
        for (String role : roles) {
            if (role.toLowerCase(Locale.ROOT).endsWith("/" + ACR_PULL_ROLE)) {
                return new AcrPull(registryId, "AcrPull", null);
            }
            JsonNode definition = get(role + "?api-version=2022-04-01");
            if (definition != null && allowsPull(definition.path("properties").path("permissions"))) {
                return new AcrPull(registryId, definition.path("properties").path("roleName").asText(role), null);
            }
        }
        return new AcrPull(registryId, null, null);
    }

    private String registryId(String loginServer) {
        String next = endpoint + "/subscriptions/" + subscriptionId + "/providers/Microsoft.ContainerRegistry/registries?api-version=2023-07-01";
        while (next != null && !next.isEmpty()) {
            JsonNode page = getUrl(next);
            if (page == null) {
                return null;
            }
            for (JsonNode r : page.path("value")) {
                if (r.path("properties").path("loginServer").asText().equalsIgnoreCase(loginServer)) {
                    return r.path("id").asText();
                }
            }
            next = page.path("nextLink").asText(null);
        }
        return null;
    }

    /** Whether any permission block's actions cover pull/read and its notActions do not take it away. */
    static boolean allowsPull(JsonNode permissions) {
        for (JsonNode p : permissions) {
            boolean allowed = false;
            for (JsonNode a : p.path("actions")) {
                allowed |= matches(a.asText(), PULL);
            }
            for (JsonNode a : p.path("notActions")) {
                allowed &= !matches(a.asText(), PULL);
            }
            if (allowed) {
                return true;
            }
        }
        return false;
    }

    /** ARM action patterns: {@code *} matches any characters, case-insensitively. */
    static boolean matches(String pattern, String action) {
        String regex = "\\Q" + pattern.replace("*", "\\E.*\\Q") + "\\E";
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(action).matches();
    }

    private JsonNode get(String path) {
        return getUrl(endpoint + path);
    }

    /** The JSON body of a 200, or null for 403/404 (not visible to this identity). */
    private JsonNode getUrl(String url) {
        try (HttpResponse response = arm.sendSync(new HttpRequest(HttpMethod.GET, url), Context.NONE)) {
            int status = response.getStatusCode();
            if (status == 403 || status == 404) {
                return null;
            }
            String body = response.getBodyAsBinaryData().toString();
            if (status != 200) {
                throw new io.jenkins.plugins.eks2aks.MigrationException("Azure Resource Manager answered " + status + " to GET " + url
                        + ": " + body.lines().findFirst().orElse(""));
            }
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
