package io.jenkins.plugins.eks2aks.standins;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ARM calls behind "may the kubelet identity pull from this ACR", in the REST API's shapes: the subscription's
 * registries ({@code Microsoft.ContainerRegistry/registries}, 2023-07-01), role assignments at a registry filtered by
 * {@code assignedTo('objectId')} and role definitions ({@code Microsoft.Authorization}, 2022-04-01), with the built-in
 * AcrPull, AcrPush and Reader definitions and any custom ones the test adds.
 */
final class AcrRoleAssignments {

    static final String ACR_PULL = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
    static final String ACR_PUSH = "8311e382-0749-4cb8-b61a-304f252e45ec";
    static final String READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    private static final Pattern FILTER = Pattern.compile("assignedTo\\('([^']+)'\\)");

    private record Registry(String subscription, String resourceGroup, String name) {
        String id() {
            return "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup + "/providers/Microsoft.ContainerRegistry/registries/" + name;
        }
    }

    private record Assignment(String scope, String principalId, String role) {
    }

    private final List<Registry> registries = new CopyOnWriteArrayList<>();
    private final List<Assignment> assignments = new CopyOnWriteArrayList<>();
    private final Map<String, String[]> roles = new java.util.concurrent.ConcurrentHashMap<>(Map.of(
            ACR_PULL, new String[] {"AcrPull", "Microsoft.ContainerRegistry/registries/pull/read"},
            ACR_PUSH, new String[] {"AcrPush", "Microsoft.ContainerRegistry/registries/pull/read", "Microsoft.ContainerRegistry/registries/push/write"},
            READER, new String[] {"Reader", "*/read"}));

    String addRegistry(String subscription, String resourceGroup, String name) {
        Registry r = new Registry(subscription, resourceGroup, name);
        registries.add(r);
        return r.id();
    }

    void assign(String scope, String principalId, String roleGuid) {
        assignments.add(new Assignment(scope, principalId, roleGuid));
    }

    void defineRole(String guid, String name, String... actions) {
        String[] role = new String[actions.length + 1];
        role[0] = name;
        System.arraycopy(actions, 0, role, 1, actions.length);
        roles.put(guid, role);
    }

    /** The answer (status and JSON) for a GET it serves, or null when the path is not one of its. */
    String[] answer(String path, String rawQuery) {
        String query = rawQuery == null ? "" : URLDecoder.decode(rawQuery, StandardCharsets.UTF_8);
        if (path.endsWith("/providers/Microsoft.ContainerRegistry/registries")) {
            String sub = path.split("/")[2];
            StringBuilder value = new StringBuilder();
            for (Registry r : registries) {
                if (r.subscription().equals(sub)) {
                    value.append(value.length() == 0 ? "" : ",").append("""
                            {"sku":{"name":"Premium","tier":"Premium"},"type":"Microsoft.ContainerRegistry/registries","id":"%s","name":"%s",
                             "location":"eastus","tags":{},"properties":{"loginServer":"%s.azurecr.io","creationDate":"2025-03-01T10:00:00Z",
                             "provisioningState":"Succeeded","adminUserEnabled":false,"publicNetworkAccess":"Enabled"}}"""
                            .formatted(r.id(), r.name(), r.name()));
                }
            }
            return new String[] {"200", "{\"value\":[" + value + "]}"};
        }
        if (path.endsWith("/providers/Microsoft.Authorization/roleAssignments")) {
            String scope = path.substring(0, path.indexOf("/providers/Microsoft.Authorization"));
            Matcher m = FILTER.matcher(query);
            String principal = m.find() ? m.group(1) : null;
            StringBuilder value = new StringBuilder();
            for (Assignment a : assignments) {
                // assignedTo() returns the principal's assignments at the scope and above it (inherited).
                if (scope.toLowerCase().startsWith(a.scope().toLowerCase()) && (principal == null || principal.equals(a.principalId()))) {
                    String sub = scope.split("/")[2];
                    value.append(value.length() == 0 ? "" : ",").append("""
                            {"properties":{"roleDefinitionId":"/subscriptions/%s/providers/Microsoft.Authorization/roleDefinitions/%s",
                             "principalId":"%s","principalType":"ServicePrincipal","scope":"%s","createdOn":"2025-03-01T10:00:00Z"},
                             "id":"%s/providers/Microsoft.Authorization/roleAssignments/%s","type":"Microsoft.Authorization/roleAssignments",
                             "name":"%s"}""".formatted(sub, a.role(), a.principalId(), a.scope(), a.scope(),
                            java.util.UUID.nameUUIDFromBytes((a.scope() + a.principalId() + a.role()).getBytes(StandardCharsets.UTF_8)),
                            java.util.UUID.nameUUIDFromBytes((a.scope() + a.principalId() + a.role()).getBytes(StandardCharsets.UTF_8))));
                }
            }
            return new String[] {"200", "{\"value\":[" + value + "]}"};
        }
        int at = path.indexOf("/providers/Microsoft.Authorization/roleDefinitions/");
        if (at >= 0) {
            String guid = path.substring(path.lastIndexOf('/') + 1);
            String[] role = roles.get(guid);
            if (role == null) {
                return new String[] {"404", "{\"error\":{\"code\":\"RoleDefinitionDoesNotExist\",\"message\":\"The specified role definition with ID '"
                        + guid + "' does not exist.\"}}"};
            }
            StringBuilder actions = new StringBuilder();
            for (int i = 1; i < role.length; i++) {
                actions.append(i == 1 ? "" : ",").append('"').append(role[i]).append('"');
            }
            return new String[] {"200", """
                    {"properties":{"roleName":"%s","type":"BuiltInRole","description":"","assignableScopes":["/"],
                     "permissions":[{"actions":[%s],"notActions":[],"dataActions":[],"notDataActions":[]}]},
                     "id":"%s","type":"Microsoft.Authorization/roleDefinitions","name":"%s"}"""
                    .formatted(role[0], actions, path, guid)};
        }
        return null;
    }
}
