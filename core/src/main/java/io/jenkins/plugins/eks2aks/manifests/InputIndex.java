package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.images.EcrImageReference;
import io.jenkins.plugins.eks2aks.images.RegistryMap;
import io.jenkins.plugins.eks2aks.manifests.rules.network.AlbIngressSchemes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What rules need to know about other objects of the input: which ServiceAccounts carry an IAM role, which
 * provisioner a StorageClass uses, which controller an IngressClass belongs to. Built once per conversion,
 * before any rule runs, so that each rule still looks at one object at a time.
 *
 * <p>Long because: it is the one view of the whole input every rule shares, input-wide and per kustomize build
 * (which overlay's ServiceAccount a workload runs as); splitting it would make rules assemble that view themselves.
 */
public final class InputIndex {

    public static final String IRSA_ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> serviceAccountRoles = new HashMap<>();
    /** Every definition of each StorageClass name, in input order, with the file it is in. */
    private final Map<String, List<Definition>> storageClasses = new HashMap<>();
    private final AlbIngressSchemes albIngresses = new AlbIngressSchemes();
    private final Map<String, String> gatewayClassControllers = new HashMap<>();
    private final Map<String, String> gatewayLoadBalancerSchemes = new HashMap<>();
    private final Map<String, Set<String>> ecrSourcesByTarget = new HashMap<>();
    private final Set<String> ecrPullSecrets = new TreeSet<>();
    private final Set<String> secrets = new TreeSet<>();
    /** ConfigMaps of the input, {@code namespace/name} in each namespace their builds give them. */
    private final Set<String> configMaps = new TreeSet<>();
    /** The HelmRelease {@code valuesFrom} references to each ConfigMap ({@code namespace/name}), in input order. */
    private final Map<String, List<HelmValuesFrom.Reference>> helmValues = new HashMap<>();
    /** ServiceAccounts ({@code namespace/name}) the pod templates of the input run as. */
    private final Set<String> usedServiceAccounts = new TreeSet<>();
    /** Node classes of the input that become AKSNodeClasses (EC2NodeClass, EKS Auto Mode NodeClass), by name. */
    private final Set<String> nodeClasses = new TreeSet<>();
    /** PersistentVolumes of the input that move to AKS as objects (static ones), by name. */
    private final Set<String> carriedVolumes = new TreeSet<>();
    private final RegistryMap registries;
    private KustomizePatches kustomizePatches = KustomizePatches.none();
    private KustomizeBuilds kustomizeBuilds = KustomizeBuilds.none();
    private ConfigMapGenerators configMapGenerators = ConfigMapGenerators.none();
    private final ServiceAccountRoles buildRoles = new ServiceAccountRoles();

    private InputIndex(RegistryMap registries) {
        this.registries = registries;
    }

    public static InputIndex of(ManifestSet input) {
        return of(input, RegistryMap.of(List.of(), null));
    }

    /** The index of {@code input}, with the ACR repository each ECR repository goes to under {@code registries}. */
    public static InputIndex of(ManifestSet input, RegistryMap registries) {
        InputIndex index = new InputIndex(registries);
        index.kustomizePatches = KustomizePatches.of(input);
        Map<String, JsonNode> kustomizations = Kustomizations.readAll(input);
        index.kustomizeBuilds = KustomizeBuilds.of(input, kustomizations);
        index.configMapGenerators = ConfigMapGenerators.of(input, kustomizations);
        for (ManifestFile file : input.files()) {
            boolean patch = index.kustomizePatches.isPatch(file.path());
            for (ManifestDocument document : file.documents()) {
                for (KubeObject object : ManifestConverter.objectsOf(document)) {
                    index.addToBuilds(object, patch);
                    if (!patch) {
                        index.add(object);
                    } else if ("ServiceAccount".equals(object.kind())) {
                        // A patch defines nothing (no class, no ingress group), but the role it gives a
                        // ServiceAccount is the one the kustomization builds (eks-workshop's IRSA module).
                        index.add(object);
                    }
                }
            }
        }
        for (KustomizePatch patch : index.kustomizePatches.unread()) {
            // An inline patch (or a JSON 6902 file) setting a ServiceAccount's role counts as a patch file does.
            for (KubeObject object : PatchedObjects.of(patch)) {
                index.addToBuilds(object, true);
                if ("ServiceAccount".equals(object.kind())) {
                    index.add(object);
                }
            }
        }
        return index;
    }

    /** Whether {@code object} comes from a file a kustomization applies as a patch: a partial object. */
    public boolean isPatch(KubeObject object) {
        return kustomizePatches.isPatch(object.document().file());
    }

    /** The input's kustomize patches. */
    public KustomizePatches kustomizePatches() {
        return kustomizePatches;
    }

    /** The input's kustomize {@code configMapGenerator}s. */
    public ConfigMapGenerators configMapGenerators() {
        return configMapGenerators;
    }

    /** An empty index, for rules tested on one object. */
    public static InputIndex empty() {
        return new InputIndex(RegistryMap.of(List.of(), null));
    }

    /** Adds one object; public so tests can build an index from objects. */
    public InputIndex add(KubeObject object) {
        JsonNode node = object.object();
        String name = object.ref().name();
        switch (object.kind()) {
            case "ServiceAccount" -> {
                String role = node.at("/metadata/annotations").path(IRSA_ROLE_ANNOTATION).asText(null);
                if (role != null) {
                    namespacesOf(object).forEach(namespace -> serviceAccountRoles.put(key(namespace, name), role));
                }
            }
            case "StorageClass" -> storageClasses.computeIfAbsent(name, n -> new ArrayList<>())
                    .add(new Definition(object.document().file(), node));
            case "IngressClass", "IngressClassParams", "Ingress" -> albIngresses.add(object);
            case "GatewayClass" -> gatewayClassControllers.put(name, node.at("/spec/controllerName").asText(""));
            case "LoadBalancerConfiguration" -> {
                if (object.ref().apiVersion().startsWith("gateway.k8s.aws/")) {
                    gatewayLoadBalancerSchemes.put(key(object.ref().namespace(), name), node.at("/spec/scheme").asText(""));
                }
            }
            case "EC2NodeClass", "NodeClass" -> {
                if (name != null) {
                    nodeClasses.add(name);
                }
            }
            case "PersistentVolume" -> {
                String provisioner = node.at("/metadata/annotations").path("pv.kubernetes.io/provisioned-by").asText("");
                // A volume an AWS provisioner made is left behind (its claim provisions anew); any other is carried.
                if (name != null && !(provisioner.endsWith(".csi.aws.com") || provisioner.equals("kubernetes.io/aws-ebs")
                        || provisioner.endsWith(".csi.eks.amazonaws.com"))) {
                    carriedVolumes.add(name);
                }
            }
            case "ConfigMap" -> namespacesOf(object).forEach(namespace -> configMaps.add(key(namespace, name)));
            case "HelmRelease" -> namespacesOf(object).forEach(namespace -> HelmValuesFrom.of(object, namespace).stream()
                    .filter(r -> r.kind().equals("ConfigMap"))
                    .forEach(r -> helmValues.computeIfAbsent(key(namespace, r.name()), k -> new ArrayList<>()).add(r)));
            case "Secret" -> {
                secrets.add(key(object.ref().namespace(), name));
                if (isEcrPullSecret(node)) {
                    ecrPullSecrets.add(key(object.ref().namespace(), name));
                }
            }
            default -> { }
        }
        PodSpecs.podSpecPointer(object).ifPresent(spec -> namespacesOf(object).forEach(namespace -> usedServiceAccounts.add(
                key(namespace, node.at(spec + "/serviceAccountName").asText(node.at(spec + "/serviceAccount").asText("default"))))));
        for (PodSpecs.ContainerAt container : PodSpecs.containers(object)) {
            EcrImageReference.parse(container.container().path("image").asText(null))
                    .ifPresent(ref -> registries.targetRepository(ref).ifPresent(target -> ecrSourcesByTarget
                            .computeIfAbsent(target, t -> new TreeSet<>()).add(ref.host() + "/" + ref.repository())));
        }
        return this;
    }

    /** Records {@code object} in each kustomize build of its file: a ServiceAccount's role there, a pod's ServiceAccount. */
    private void addToBuilds(KubeObject object, boolean patch) {
        String file = object.document().file();
        for (String build : kustomizeBuilds.buildsOf(file)) {
            KustomizeBuilds.Membership membership = kustomizeBuilds.membership(build, file).orElseThrow();
            if ("ServiceAccount".equals(object.kind())) {
                buildRoles.account(build, keyIn(build, object, object.ref().name()), membership.precedence(),
                        object.at("/metadata/annotations").path(IRSA_ROLE_ANNOTATION).asText(null), patch || membership.patch());
            }
            Optional<String> spec = PodSpecs.podSpecPointer(object);
            JsonNode account = spec.map(s -> object.at(s + "/serviceAccountName")).orElse(null);
            if (spec.isPresent() && (account.isTextual() || !(patch || membership.patch()))) {
                // A patch that names no ServiceAccount keeps its target's: it says nothing of who its pods run as.
                buildRoles.pod(build, keyIn(build, object, account.asText(object.at(spec.get() + "/serviceAccount").asText("default"))));
            }
        }
    }

    /** {@code namespace/account} of {@code object}'s namespace in {@code build}. */
    private String keyIn(String build, KubeObject object, String account) {
        return key(namespaceIn(build, object), account);
    }

    /**
     * The namespace {@code object} is in within {@code build}: the one the build's kustomizations give it (the
     * outermost {@code namespace:} wins and replaces the object's own, as {@code kubectl kustomize} does), else its
     * own; null for neither (the default namespace).
     */
    private String namespaceIn(String build, KubeObject object) {
        return kustomizeBuilds.membership(build, object.document().file()).map(KustomizeBuilds.Membership::namespace)
                .orElse(object.ref().namespace());
    }

    /**
     * The namespace {@code object} is in within each kustomize build of its file ({@code default} for none); empty
     * when no kustomization of the input includes it. A ServiceAccount of a base two overlays put in namespaces of
     * their own is two ServiceAccounts on the cluster, each needing a federated credential for its own subject.
     */
    public SortedMap<String, String> namespacesByBuild(KubeObject object) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String build : buildsOf(object.document().file())) {
            String namespace = namespaceIn(build, object);
            out.put(build, namespace == null ? "default" : namespace);
        }
        return out;
    }

    /** The kustomize builds (root kustomizations' folders) {@code file} belongs to; none outside kustomizations. */
    public Set<String> buildsOf(String file) {
        return kustomizeBuilds.buildsOf(file);
    }

    /**
     * Whether {@code object}'s ServiceAccount {@code account} is matched within the kustomize builds of its file rather
     * than across the whole input: when the builds give that ServiceAccount different roles (or one a role, another
     * none), or give the object different namespaces (a base under dev and prod overlays, each with its
     * {@code namespace:}). Otherwise one ServiceAccount of a name and namespace is the input's.
     */
    public boolean matchedPerBuild(KubeObject object, String account) {
        return split(object, account) || namespacesDiffer(object);
    }

    private boolean split(KubeObject object, String account) {
        return buildsOf(object.document().file()).stream().anyMatch(b -> buildRoles.split(keyIn(b, object, account)));
    }

    /** Whether the builds of {@code object}'s file put it in different namespaces. */
    private boolean namespacesDiffer(KubeObject object) {
        return namespacesOf(object).size() > 1;
    }

    /**
     * The roles ServiceAccount {@code account} has in each build {@code workload}'s file belongs to, when it is
     * {@linkplain #matchedPerBuild matched per build}; empty when the input-wide {@link #serviceAccountRole} holds.
     */
    public Optional<ServiceAccountRoles.BuildRoles> serviceAccountRolesFor(KubeObject workload, String account) {
        boolean split = split(workload, account);
        if (!split && !namespacesDiffer(workload)) {
            return Optional.empty();
        }
        SortedMap<String, String> roles = new TreeMap<>();
        SortedSet<String> without = new TreeSet<>();
        for (String build : buildsOf(workload.document().file())) {
            buildRoles.roleIn(build, keyIn(build, workload, account)).ifPresentOrElse(r -> roles.put(build, r), () -> without.add(build));
        }
        // Namespaces alone: with no role in any build, the ServiceAccount may be outside the kustomizations.
        return split || !roles.isEmpty() ? Optional.of(new ServiceAccountRoles.BuildRoles(roles, without)) : Optional.empty();
    }

    /**
     * Whether a pod template runs as ServiceAccount {@code account}: one of a build of its file when it is
     * {@linkplain #matchedPerBuild matched per build}, else one of the input or of a build of its file (a patch of
     * it written without a namespace is in the namespace its overlay gives).
     */
    public boolean runsAs(KubeObject account) {
        String name = account.ref().name();
        boolean inBuilds = buildsOf(account.document().file()).stream().anyMatch(b -> buildRoles.runsIn(b, keyIn(b, account, name)));
        return matchedPerBuild(account, name) ? inBuilds : inBuilds || runsAs(namespaceOf(account), name);
    }

    /**
     * The object's namespace: the one the kustomize builds of its file give it, else its own; null for neither. When
     * builds give it different namespaces this is the first's (builds sorted): the rules then match per build
     * ({@link #matchedPerBuild}) and read {@link #namespacesByBuild}.
     */
    public String namespaceOf(KubeObject object) {
        Set<String> builds = buildsOf(object.document().file());
        return builds.isEmpty() ? object.ref().namespace() : namespaceIn(builds.iterator().next(), object);
    }

    /** The namespaces the object is in, each once and sorted ({@code default} for none): one per build at most. */
    public Set<String> namespacesOf(KubeObject object) {
        Set<String> builds = buildsOf(object.document().file());
        if (builds.isEmpty()) {
            return Set.of(object.ref().namespace() == null ? "default" : object.ref().namespace());
        }
        return new TreeSet<>(namespacesByBuild(object).values());
    }

    /** The IAM role of ServiceAccount {@code namespace/name}, when the input has it with an IRSA annotation. */
    public Optional<String> serviceAccountRole(String namespace, String name) {
        return Optional.ofNullable(serviceAccountRoles.get(key(namespace, name)));
    }

    /**
     * A StorageClass definition and the input file that holds it.
     *
     * @param file the file, relative to the input
     */
    public record Definition(String file, JsonNode storageClass) {
    }

    /** The StorageClass named {@code name}, when the input has it (the first definition when it has several). */
    public Optional<JsonNode> storageClass(String name) {
        List<Definition> all = storageClasses.getOrDefault(name, List.of());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).storageClass());
    }

    /** Every definition of StorageClass {@code name} in the input, in input order. */
    public List<Definition> storageClassDefinitions(String name) {
        return storageClasses.getOrDefault(name, List.of());
    }

    /** How many definitions of StorageClass {@code name} behave differently (not counting uid, timestamps, labels…). */
    public int storageClassVariants(String name) {
        return (int) storageClassDefinitions(name).stream().map(d -> classShape(d.storageClass())).distinct().count();
    }

    /** Whether two StorageClass definitions behave the same. */
    public static boolean sameClass(JsonNode a, JsonNode b) {
        return classShape(a).equals(classShape(b));
    }

    /** What makes two StorageClass definitions behave differently (not uid, timestamps, labels…). */
    private static JsonNode classShape(JsonNode storageClass) {
        com.fasterxml.jackson.databind.node.ObjectNode shape = JSON.createObjectNode();
        for (String field : List.of("provisioner", "parameters", "reclaimPolicy", "volumeBindingMode",
                "allowVolumeExpansion", "mountOptions", "allowedTopologies")) {
            if (storageClass.has(field)) {
                shape.set(field, storageClass.get(field));
            }
        }
        return shape;
    }

    /** Files defining StorageClass {@code name}, in input order, each once. */
    public List<String> storageClassFiles(String name) {
        return storageClasses.getOrDefault(name, List.of()).stream().map(Definition::file).distinct().toList();
    }

    /** The input's IngressClasses, IngressClassParams and Ingresses: which Ingress is an ALB and with which scheme. */
    public AlbIngressSchemes albIngresses() {
        return albIngresses;
    }

    /** The controllerName of GatewayClass {@code name}, when the input has it. */
    public Optional<String> gatewayClassController(String name) {
        return Optional.ofNullable(gatewayClassControllers.get(name));
    }

    /**
     * The scheme of the AWS Load Balancer Controller's LoadBalancerConfiguration {@code namespace/name}: empty
     * string when it sets none, empty Optional when the input does not have it.
     */
    public Optional<String> gatewayLoadBalancerScheme(String namespace, String name) {
        return Optional.ofNullable(gatewayLoadBalancerSchemes.get(key(namespace, name)));
    }

    /** Whether {@code image} is a private ECR image that the registry map sends to ACR. */
    public boolean movesToAcr(String image) {
        return EcrImageReference.parse(image).flatMap(registries::targetRepository).isPresent();
    }

    /** Whether a pod template of the input runs as ServiceAccount {@code namespace/name}. */
    public boolean runsAs(String namespace, String name) {
        return usedServiceAccounts.contains(key(namespace, name));
    }

    /** Whether the input has a node class (EC2NodeClass or EKS Auto Mode NodeClass) named {@code name}. */
    public boolean hasNodeClass(String name) {
        return nodeClasses.contains(name);
    }

    /**
     * Whether PersistentVolume {@code name} is in the input and moves to AKS as an object (a static volume), so that a
     * claim bound to it by {@code spec.volumeName} must keep naming it.
     */
    public boolean carriesVolume(String name) {
        return carriedVolumes.contains(name);
    }

    /** Whether the input has Secret {@code namespace/name}. */
    public boolean hasSecret(String namespace, String name) {
        return secrets.contains(key(namespace, name));
    }

    /** Whether the input has ConfigMap {@code namespace/name}. */
    public boolean hasConfigMap(String namespace, String name) {
        return configMaps.contains(key(namespace, name));
    }

    /**
     * The HelmRelease {@code valuesFrom} references that read {@code configMap}, in any namespace the builds of its
     * file give it (each reference once, in input order); empty when no HelmRelease of the input reads it.
     */
    public List<HelmValuesFrom.Reference> helmValuesIn(KubeObject configMap) {
        List<HelmValuesFrom.Reference> out = new ArrayList<>();
        for (String namespace : namespacesOf(configMap)) {
            helmValues.getOrDefault(key(namespace, configMap.ref().name()), List.of()).stream()
                    .filter(r -> !out.contains(r)).forEach(out::add);
        }
        return out;
    }

    /**
     * The kustomize {@code configMapGenerator} making the ConfigMap {@code reference} of {@code helmRelease} names: one
     * of a kustomization in a build of the HelmRelease's file, giving the ConfigMap the reference's namespace.
     */
    public Optional<ConfigMapGenerators.Match> generatedValues(KubeObject helmRelease, HelmValuesFrom.Reference reference) {
        for (String build : buildsOf(helmRelease.document().file())) {
            Map<String, KustomizeBuilds.Membership> kustomizations = new HashMap<>();
            for (String k : configMapGenerators.kustomizations()) {
                kustomizeBuilds.membership(build, k).ifPresent(m -> kustomizations.put(k, m));
            }
            Optional<ConfigMapGenerators.Match> match = configMapGenerators.find(reference.name(), reference.namespace(),
                    reference.valuesKey(), kustomizations);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /** Whether Secret {@code namespace/name} is a registry credential for ECR only (rule I5). */
    public boolean isEcrPullSecret(String namespace, String name) {
        return ecrPullSecrets.contains(key(namespace, name));
    }

    /** A dockerconfigjson Secret whose registries are all private ECR hosts. */
    public static boolean isEcrPullSecret(JsonNode secret) {
        if (!"kubernetes.io/dockerconfigjson".equals(secret.path("type").asText())) {
            return false;
        }
        String encoded = secret.at("/data/.dockerconfigjson").asText("");
        try {
            JsonNode config = JSON.readTree(
                    Base64.getMimeDecoder().decode(encoded));
            JsonNode auths = config.path("auths");
            if (auths.isEmpty()) {
                return false;
            }
            for (var it = auths.fieldNames(); it.hasNext(); ) {
                String host = it.next().replaceFirst("^https?://", "");
                if (!host.matches("\\d{12}\\.dkr\\.ecr(-fips)?\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/?")) {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false; // not readable as a Docker config: not ours to judge
        }
    }

    /** The ECR repositories of the input whose images go to ACR repository {@code target}, sorted. */
    public Set<String> ecrSourcesOf(String target) {
        return ecrSourcesByTarget.getOrDefault(target, Set.of());
    }

    private static String key(String namespace, String name) {
        return (namespace == null ? "default" : namespace) + "/" + name;
    }
}
