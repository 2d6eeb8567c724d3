package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.images.EcrImageReference;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;
import io.jenkins.plugins.eks2aks.manifests.PodSpecs;
import io.jenkins.plugins.eks2aks.manifests.rules.custom.CustomResourceImages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every image the cluster runs or declares (containers, init and ephemeral containers, CronJob templates), with
 * the objects that use it. ECR images are marked: they are the list {@code ecrToAcr} copies.
 */
public final class ImageCatalog {

    /** Objects named per image in the reports; the count is always exact. */
    static final int USERS_SHOWN = 20;

    /**
     * One image.
     *
     * @param reference the image as written
     * @param registry  {@code ecr}, {@code ecr-public} or {@code other}
     * @param users     how many objects use it
     * @param usedBy    the first {@link #USERS_SHOWN} of them, sorted: {@code Deployment shop/web (containers/web)}
     * @param system    used only in system namespaces (EKS add-ons): AKS brings its own, nothing to copy
     */
    public record Image(String reference, String registry, int users, List<String> usedBy, boolean system) {

        public boolean ecr() {
            return "ecr".equals(registry);
        }
    }

    private final Map<String, SortedSet<String>> users = new TreeMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private final Set<String> usedOutsideSystem = new HashSet<>();

    void add(ClusterObject o) {
        for (PodSpecs.ContainerAt c : PodSpecs.containers(o.asKubeObject())) {
            add(o, c.container().path("image").asText("").trim(), c.list() + "/" + c.name());
        }
        // Images an operator or a chart runs, set in a custom resource (a HelmRelease's values, an operator's CR).
        for (CustomResourceImages.ImageAt image : CustomResourceImages.of(o.asKubeObject())) {
            add(o, image.reference(), image.path());
        }
    }

    private void add(ClusterObject o, String image, String where) {
        add(o.ref(), image, where);
    }

    /** {@code image}, used by {@code ref} at {@code where} (a container, a custom resource's field, a kustomization). */
    void add(ObjectRef ref, String image, String where) {
        if (image.isEmpty()) {
            return;
        }
        counts.merge(image, 1, Integer::sum);
        if (!SystemNamespaces.contains(ref.namespace())) {
            usedOutsideSystem.add(image);
        }
        SortedSet<String> set = users.computeIfAbsent(image, k -> new TreeSet<>());
        set.add(ref + " (" + where + ")");
        if (set.size() > USERS_SHOWN) {
            set.remove(set.last());
        }
    }

    /** The images, sorted by reference. */
    public List<Image> images() {
        List<Image> out = new ArrayList<>();
        users.forEach((image, set) -> out.add(new Image(image, registry(image), counts.get(image), List.copyOf(set),
                !usedOutsideSystem.contains(image))));
        return out;
    }


    static String registry(String image) {
        if (EcrImageReference.parse(image).isPresent()) {
            return "ecr";
        }
        return image.startsWith("public.ecr.aws/") ? "ecr-public" : "other";
    }
}
