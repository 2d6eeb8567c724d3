package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Pointers;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Image references as the overlay and the restore-time rewrites see them: a name ({@code host/repository})
 * and what follows it ({@code :tag}, {@code @digest}, both, or nothing), for any registry.
 */
final class ImageNames {

    /** A change of a container's image: {@code …/containers/3/image} and the like. */
    private static final Pattern IMAGE_PATH = Pattern.compile(".*/(?:containers|initContainers|ephemeralContainers)/\\d+/image$");

    private ImageNames() {
    }

    /** {@code host/repo:tag@sha256:…} → {@code host/repo}. */
    static String name(String image) {
        String s = image;
        int at = s.indexOf('@');
        if (at >= 0) {
            s = s.substring(0, at);
        }
        int colon = s.lastIndexOf(':');
        if (colon > s.lastIndexOf('/')) {
            s = s.substring(0, colon);
        }
        return s;
    }

    /** {@code host/repo:tag@sha256:…} → {@code :tag@sha256:…}; empty when there is neither. */
    static String suffix(String image) {
        return image.substring(name(image).length());
    }

    /** Whether {@code change} sets the image of a container to another text. */
    static boolean isImageChange(Change change) {
        return "replace".equals(change.op()) && IMAGE_PATH.matcher(change.path()).matches()
                && change.before() != null && change.before().isTextual()
                && change.after() != null && change.after().isTextual();
    }

    /** An image field of an object and the pointer to it, relative to the object. */
    record Occurrence(String path, String image) {
    }

    /**
     * Every {@code image} of an item of an array named {@code containers} or {@code initContainers}, at any
     * depth: the fields Kustomize's {@code images:} transformer rewrites in any kind (it does not rewrite
     * {@code ephemeralContainers} nor a bare {@code image} field).
     */
    static List<Occurrence> kustomizeImages(JsonNode object) {
        List<Occurrence> out = new ArrayList<>();
        walk(object, new ArrayList<>(), out);
        return out;
    }

    /** {@code keys} is the path to {@code node}; pointers are only made for the images found. */
    private static void walk(JsonNode node, List<String> keys, List<Occurrence> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode value = e.getValue();
                if (!value.isContainerNode()) {
                    continue;
                }
                keys.add(e.getKey());
                if ((e.getKey().equals("containers") || e.getKey().equals("initContainers")) && value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        JsonNode image = value.get(i).path("image");
                        if (image.isTextual()) {
                            out.add(new Occurrence(pointer(keys) + "/" + i + "/image", image.asText()));
                        }
                    }
                }
                walk(value, keys, out);
                keys.remove(keys.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isContainerNode()) {
                    keys.add(Integer.toString(i));
                    walk(node.get(i), keys, out);
                    keys.remove(keys.size() - 1);
                }
            }
        }
    }

    private static String pointer(List<String> keys) {
        StringBuilder p = new StringBuilder();
        keys.forEach(k -> p.append('/').append(Pointers.escape(k)));
        return p.toString();
    }

    /**
     * The container images Velero's change-image-name action rewrites ({@code change_image_name_action.go}):
     * containers and init containers of a Pod, of a CronJob's job template, and of the pod template of the
     * other workload kinds; ephemeral containers and other kinds are not rewritten.
     */
    static List<Occurrence> veleroImages(String kind, JsonNode object) {
        String podSpec = switch (kind) {
            case "Pod" -> "/spec";
            case "CronJob" -> "/spec/jobTemplate/spec/template/spec";
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job" -> "/spec/template/spec";
            default -> null;
        };
        if (podSpec == null) {
            return List.of();
        }
        List<Occurrence> out = new ArrayList<>();
        for (String list : List.of("containers", "initContainers")) {
            JsonNode containers = object.at(podSpec + "/" + list);
            for (int i = 0; i < containers.size(); i++) {
                JsonNode image = containers.get(i).path("image");
                if (image.isTextual()) {
                    out.add(new Occurrence(podSpec + "/" + list + "/" + i + "/image", image.asText()));
                }
            }
        }
        return out;
    }
}
