package io.jenkins.plugins.eks2aks.manifests.rules.custom;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.Pointers;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.manifests.rules.EcrImageRule;
import io.jenkins.plugins.eks2aks.manifests.rules.identity.IrsaServiceAccountRule;
import io.jenkins.plugins.eks2aks.manifests.rules.network.AwsLoadBalancerScheme;
import io.jenkins.plugins.eks2aks.manifests.rules.network.LoadBalancerServiceRule;
import io.jenkins.plugins.eks2aks.manifests.rules.scheduling.NodeSchedulingRule;
import io.jenkins.plugins.eks2aks.manifests.rules.storage.StorageClassReference;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CR1: the deep scan of custom resources (an operator's CR, a Flux {@code HelmRelease}'s {@code spec.values}, an
 * Argo CD Application's {@code valuesObject}). An operator or chart copies these settings onto the Services,
 * ServiceAccounts, pods and claims it creates, so where a well-known AWS key appears in a place whose meaning is
 * clear it is converted by the built-in kinds' own code: an annotation map with {@code aws-load-balancer-*} keys by
 * the Service rule (an internal load balancer stays internal), an ECR image by I1, {@code eks.amazonaws.com/role-arn}
 * by W1, a StorageClass name the input or the mapping knows by PV1, a node selector by S1–S11. What is AWS but not
 * clear (an ALB ingress's annotations, an IAM role ARN in a field of its own, an ECR host alone, a zone, a node
 * requirement, AWS annotations inside a text value) is a decision naming the object and the path.
 */
public final class CustomResourceScanRule implements ConversionRule {

    public static final String ID = "CR1";
    private static final String ROLE_ARN = InputIndex.IRSA_ROLE_ANNOTATION;
    /** ServiceAccount annotations of IRSA: under eks.amazonaws.com/ like the EKS node labels, but no node labels. */
    private static final Set<String> IRSA_KEYS = Set.of(ROLE_ARN, "eks.amazonaws.com/token-expiration",
            "eks.amazonaws.com/sts-regional-endpoints", "eks.amazonaws.com/audience");
    private static final String ALB = "alb.ingress.kubernetes.io/";
    private static final Set<String> CLASS_FIELDS = Set.of("storageClassName", "storageClass", "class");
    private static final Pattern ECR_HOST = Pattern.compile("\\d{12}\\.dkr\\.ecr(-fips)?\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/?");
    private static final Pattern ROLE = Pattern.compile("arn:aws(-[a-z-]+)?:iam::\\d{12}:role/.+");
    private static final Pattern ZONE = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d[a-z]");
    private static final Set<String> ZONE_FIELDS = Set.of("zone", "zones", "availabilityZone", "availabilityZones");

    private final EcrImageRule images;
    private final IrsaServiceAccountRule identities;
    private final NodeSchedulingRule scheduling;
    private final StorageClassReference storage;
    private final MigrationMapping mapping;
    private final InputIndex index;
    /** How the front end names the image copy: {@code eks2aks copy-images}, the {@code ecrToAcr} step. */
    private final String copyImages;

    public CustomResourceScanRule(RuleContext context) {
        this.copyImages = context.frontEnd().copyImages();
        this.images = new EcrImageRule(context.mapping().registryMap(), context.index(), context.frontEnd());
        this.identities = new IrsaServiceAccountRule(context.mapping(), context.index());
        this.index = context.index();
        this.scheduling = new NodeSchedulingRule(context.mapping());
        this.storage = new StorageClassReference(context);
        this.mapping = context.mapping();
    }

    /** A JSON pointer as people read a path: {@code spec.values["eks.amazonaws.com/role-arn"]}, {@code [0]}. */
    public static String path(String pointer) {
        return CustomResources.dotted(pointer);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return CustomResources.scanned(object);
    }

    @Override
    public List<Change> apply(KubeObject object) {
        List<Change> out = new ArrayList<>();
        walk(object, "", object.object(), "", CustomResources.handledElsewhere(object), out);
        return out;
    }

    private void walk(KubeObject object, String pointer, JsonNode node, String field, Set<String> skipped, List<Change> out) {
        if (skipped.contains(pointer)) {
            return;
        }
        if (node.isObject()) {
            Set<String> handled = map(object, pointer, node, out);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!handled.contains(e.getKey())) {
                    walk(object, Pointers.child(pointer, e.getKey()), e.getValue(), e.getKey(), skipped, out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(object, Pointers.child(pointer, i), node.get(i), field, skipped, out);
            }
        } else if (node.isTextual()) {
            text(object, pointer, field, node.asText(), out);
        }
    }

    /** The settings a map holds as a whole; returns the keys converted here, which the walk does not enter. */
    private Set<String> map(KubeObject object, String pointer, JsonNode map, List<Change> out) {
        Set<String> handled = new HashSet<>();
        String where = where(object, pointer);
        if (hasKeyStartingWith(map, AwsLoadBalancerScheme.AWS)) {
            out.addAll(LoadBalancerServiceRule.annotationMap(object, pointer, where + "for the Service it creates, "));
            map.fieldNames().forEachRemaining(k -> {
                if (k.startsWith(AwsLoadBalancerScheme.AWS)) {
                    handled.add(k);
                }
            });
        }
        if (hasKeyStartingWith(map, ALB)) {
            out.add(Changes.of(object, "N2").decision(pointer, where + "ALB ingress annotations for an Ingress an operator or "
                    + "chart creates" + albScheme(map) + ": choose its AKS ingress class (an internal class such as "
                    + mapping.internalIngressClass() + " when the ALB is internal) and replace the alb.ingress.kubernetes.io "
                    + "annotations here (catalog N1, N2)"));
            map.fieldNames().forEachRemaining(k -> {
                if (k.startsWith(ALB)) {
                    handled.add(k);
                }
            });
        }
        if (map.path(ROLE_ARN).isTextual()) {
            out.addAll(identities.roleAnnotation(object, pointer, subject(object),
                    RuleMode.AUTO_WARN, where + "for the ServiceAccount it creates (its pods also need the label "
                            + "azure.workload.identity/use: \"true\"), "));
            handled.add(ROLE_ARN);
        }
        if (isNodeSelector(map)) {
            out.addAll(scheduling.selectorMap(object, pointer, where));
            map.fieldNames().forEachRemaining(handled::add);
        }
        if (map.path("matchExpressions").isArray() && anyConcerns(map.path("matchExpressions"))) {
            out.addAll(scheduling.selectorTerm(object, pointer, where));
            handled.add("matchExpressions");
        } else if (map.path("key").isTextual() && NodeSchedulingRule.concerns(map.path("key").asText())) {
            out.add(Changes.of(object, ID).decision(pointer, where + "a requirement or toleration on the EKS node label "
                    + map.path("key").asText() + ": restate it with the AKS node labels of the target node pools (catalog §6.1)"));
            handled.add("key");
        }
        if (map.path("loadBalancerClass").isTextual()
                && AwsLoadBalancerScheme.LBC_CLASSES.contains(map.path("loadBalancerClass").asText())) {
            String at = Pointers.child(pointer, "loadBalancerClass");
            out.add(Changes.of(object, "L1").decision(at, where(object, at)
                    + "loadBalancerClass " + map.path("loadBalancerClass").asText() + " of the AWS Load Balancer Controller, "
                    + "whose load balancers are internal unless the scheme says otherwise: remove it and, unless the "
                    + "Service must be public, give it service.beta.kubernetes.io/azure-load-balancer-internal: \"true\" (catalog L1, L3)"));
            handled.add("loadBalancerClass");
        }
        for (String field : CLASS_FIELDS) {
            JsonNode value = map.path(field);
            if (value.isTextual() && storage.knows(value.asText())) {
                storage.convert(object, Pointers.child(pointer, field), where + "StorageClass field " + field)
                        .ifPresent(out::add);
                handled.add(field);
            }
        }
        return handled;
    }

    /** A value that is AWS on its own: an image, a registry host, a role, a zone, AWS annotations inside a text. */
    private void text(KubeObject object, String pointer, String field, String value, List<Change> out) {
        String where = where(object, pointer);
        var image = images.image(object, pointer, where.substring(0, where.length() - 2));
        if (image.isPresent()) {
            out.add(image.get());
        } else if (ECR_HOST.matcher(value.trim()).matches()) {
            out.add(Changes.of(object, "I1").decision(pointer, where + "ECR registry " + value.trim() + " in a field of its "
                    + "own: set the ACR login server here and copy the images under it with " + copyImages + " (catalog I1)"));
        } else if (ROLE.matcher(value.trim()).matches()) {
            out.add(Changes.of(object, "W1").decision(pointer, where + "IAM role " + value.trim() + ": an Azure workload "
                    + "uses a Workload ID identity instead (a managed identity's client id); set what this field's owner "
                    + "expects for Azure (catalog W1, S17)"));
        } else if (ZONE_FIELDS.contains(field) && ZONE.matcher(value.trim()).matches()) {
            String zone = mapping.zones().get(value.trim());
            out.add(zone != null
                    ? Changes.of(object, "S6").replace(pointer, zone, RuleMode.AUTO_WARN, where + "AWS zone " + value.trim()
                            + " is " + zone + " on AKS (zones." + value.trim() + " in eks2aks.yaml); check the field's owner "
                            + "takes an Azure zone here (catalog S6)")
                    : Changes.of(object, "S6").decision(pointer, where + "AWS zone " + value.trim() + " needs its AKS zone: "
                            + "set zones." + value.trim() + " in eks2aks.yaml (catalog S6)").withMappingKeys("zones." + value.trim()));
        } else if (value.contains(AwsLoadBalancerScheme.AWS) || value.contains(ROLE_ARN) || value.contains(ALB)) {
            out.add(Changes.of(object, ID).decision(pointer, where + "text holding AWS "
                    + (value.contains(ROLE_ARN) ? "identity (" + ROLE_ARN + ")" : "load balancer")
                    + " annotations (values as a string are not converted): convert them as for a Service or "
                    + "ServiceAccount; an internal load balancer needs service.beta.kubernetes.io/azure-load-balancer-internal: "
                    + "\"true\" or it is public on AKS (catalog CR1, L3, W1)"));
        }
    }

    /**
     * The federated credential subject of the ServiceAccount the object's operator or chart creates: in the namespace
     * a HelmRelease installs into ({@code spec.targetNamespace}), else the object's as the index gives it (the
     * kustomize build's namespace when its file has none); its name is the chart's to choose.
     */
    private String subject(KubeObject object) {
        String target = object.at("/spec/targetNamespace").asText("");
        String namespace = !target.isEmpty() && "HelmRelease".equals(object.kind()) ? target : index.namespaceOf(object);
        return "system:serviceaccount:" + (namespace == null ? "default" : namespace) + ":<name> of the ServiceAccount this "
                + "object's operator or chart creates";
    }

    private boolean isNodeSelector(JsonNode map) {
        boolean concerns = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode()) {
                return false;
            }
            concerns |= NodeSchedulingRule.concerns(e.getKey()) && !IRSA_KEYS.contains(e.getKey());
        }
        return concerns;
    }

    private static boolean anyConcerns(JsonNode expressions) {
        for (JsonNode e : expressions) {
            if (NodeSchedulingRule.concerns(e.path("key").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String albScheme(JsonNode map) {
        String scheme = map.path(ALB + "scheme").asText("");
        return scheme.isEmpty() ? " (no scheme: the ALB is internal by default)" : " (scheme " + scheme + ")";
    }

    private static boolean hasKeyStartingWith(JsonNode map, String prefix) {
        for (Iterator<String> it = map.fieldNames(); it.hasNext(); ) {
            if (it.next().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Names the object and the path in every reason, since the change is not where the built-in rule makes it. */
    private static String where(KubeObject object, String pointer) {
        String namespace = object.ref().namespace() == null ? "" : object.ref().namespace() + "/";
        return object.kind() + " " + namespace + object.ref().name() + " at " + CustomResources.dotted(pointer) + ": ";
    }
}
