package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What rules need to know about other objects of the input: which ServiceAccounts carry an IAM role, which
 * provisioner a StorageClass uses, which controller an IngressClass belongs to. Built once per conversion,
 * before any rule runs, so that each rule still looks at one object at a time.
 */
public final class InputIndex {

    public static final String IRSA_ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";

    private final Map<String, String> serviceAccountRoles = new HashMap<>();
    private final Map<String, JsonNode> storageClasses = new HashMap<>();
    private final Map<String, String> ingressClassControllers = new HashMap<>();

    public static InputIndex of(ManifestSet input) {
        InputIndex index = new InputIndex();
        for (ManifestFile file : input.files()) {
            for (ManifestDocument document : file.documents()) {
                ManifestConverter.objectsOf(document).forEach(index::add);
            }
        }
        return index;
    }

    /** An empty index, for rules tested on one object. */
    public static InputIndex empty() {
        return new InputIndex();
    }

    /** Adds one object; public so tests can build an index from objects. */
    public InputIndex add(KubeObject object) {
        JsonNode node = object.object();
        String name = object.ref().name();
        switch (object.kind()) {
            case "ServiceAccount" -> {
                String role = node.at("/metadata/annotations").path(IRSA_ROLE_ANNOTATION).asText(null);
                if (role != null) {
                    serviceAccountRoles.put(key(object.ref().namespace(), name), role);
                }
            }
            case "StorageClass" -> storageClasses.put(name, node);
            case "IngressClass" -> ingressClassControllers.put(name, node.at("/spec/controller").asText(""));
            default -> { }
        }
        return this;
    }

    /** The IAM role of ServiceAccount {@code namespace/name}, when the input has it with an IRSA annotation. */
    public Optional<String> serviceAccountRole(String namespace, String name) {
        return Optional.ofNullable(serviceAccountRoles.get(key(namespace, name)));
    }

    /** The StorageClass named {@code name}, when the input has it. */
    public Optional<JsonNode> storageClass(String name) {
        return Optional.ofNullable(storageClasses.get(name));
    }

    /** The controller of IngressClass {@code name}, when the input has it. */
    public Optional<String> ingressClassController(String name) {
        return Optional.ofNullable(ingressClassControllers.get(name));
    }

    private static String key(String namespace, String name) {
        return (namespace == null ? "default" : namespace) + "/" + name;
    }
}
