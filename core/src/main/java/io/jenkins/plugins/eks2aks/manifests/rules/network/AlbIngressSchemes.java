package io.jenkins.plugins.eks2aks.manifests.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides the scheme of the ALB an Ingress gets, the way the AWS Load Balancer Controller decides it
 * ({@code buildLoadBalancerScheme}): each member of the Ingress's group contributes its IngressClassParams'
 * {@code spec.scheme} when set, else its {@code alb.ingress.kubernetes.io/scheme} annotation; one explicit scheme
 * wins for the whole group, none gives the controller's default (internal), and conflicting or unknown values make
 * the controller refuse the group. EKS Auto Mode ({@code eks.amazonaws.com/alb}, IngressClassParams in
 * {@code eks.amazonaws.com}) works the same. Whatever this tool cannot see (an IngressClassParams missing from the
 * input) is {@link Scheme#UNKNOWN}, never internet-facing.
 *
 * <p>Fed every IngressClass, IngressClassParams and Ingress first ({@link #add}), then asked ({@link #resolve}).
 */
public final class AlbIngressSchemes {

    public static final Set<String> ALB_CONTROLLERS = Set.of("ingress.k8s.aws/alb", "eks.amazonaws.com/alb");
    static final Set<String> PARAMS_GROUPS = Set.of("elbv2.k8s.aws", "eks.amazonaws.com");
    static final String ANNOTATION = "alb.ingress.kubernetes.io/";
    static final String LEGACY_CLASS = "kubernetes.io/ingress.class";
    private static final String DEFAULT_CLASS = "ingressclass.kubernetes.io/is-default-class";

    /** How the scheme came out. */
    public enum Scheme { INTERNAL, INTERNET_FACING, UNKNOWN }

    /**
     * The scheme and why.
     *
     * @param source what decided it, for the report: "IngressClassParams internal-alb (spec.scheme)", …
     */
    public record Resolution(Scheme scheme, String source) {

        /** Internal, or not known: both must stay private on AKS. */
        public boolean internal() {
            return scheme != Scheme.INTERNET_FACING;
        }
    }

    private final Map<String, JsonNode> classes = new HashMap<>();
    private final Map<String, JsonNode> params = new HashMap<>();
    private final List<KubeObject> ingresses = new ArrayList<>();
    private String defaultClass;

    /** Records an IngressClass, an IngressClassParams or an Ingress; ignores anything else. */
    public void add(KubeObject object) {
        String name = object.ref().name();
        switch (object.kind()) {
            case "IngressClass" -> {
                classes.put(name, object.object());
                if ("true".equals(object.at("/metadata/annotations").path(DEFAULT_CLASS).asText())) {
                    defaultClass = name;
                }
            }
            case "IngressClassParams" -> {
                String group = object.ref().apiVersion().split("/")[0];
                if (PARAMS_GROUPS.contains(group)) {
                    params.put(group + "/" + name, object.object());
                }
            }
            case "Ingress" -> ingresses.add(object);
            default -> { }
        }
    }

    /** The class the Ingress is served by: spec.ingressClassName, the legacy annotation, or the default class. */
    public String className(KubeObject ingress) {
        String field = ingress.at("/spec/ingressClassName").asText("");
        if (!field.isEmpty()) {
            return field;
        }
        String legacy = ingress.at("/metadata/annotations").path(LEGACY_CLASS).asText("");
        return legacy.isEmpty() && defaultClass != null ? defaultClass : legacy;
    }

    /** The controller of IngressClass {@code name}, when the input has it. */
    public Optional<String> controller(String name) {
        JsonNode cls = classes.get(name);
        return cls == null ? Optional.empty() : Optional.of(cls.at("/spec/controller").asText(""));
    }

    /** Whether the AWS Load Balancer Controller (or EKS Auto Mode) serves this Ingress. */
    public boolean isAlb(KubeObject ingress) {
        String className = className(ingress);
        return "alb".equals(className) || controller(className).map(ALB_CONTROLLERS::contains).orElse(false);
    }

    /** The scheme of the ALB the controller builds for this Ingress's group. */
    public Resolution resolve(KubeObject ingress) {
        String group = groupName(ingress);
        // One member per object: an input can hold the same Ingress twice (a manifest and a cluster dump).
        Map<ObjectRef, KubeObject> members = new LinkedHashMap<>();
        if (group != null) {
            ingresses.stream().filter(i -> group.equals(groupName(i)) && isAlb(i)).forEach(i -> members.put(i.ref(), i));
        }
        members.put(ingress.ref(), ingress);
        Set<Scheme> explicit = new TreeSet<>();
        Set<String> sources = new LinkedHashSet<>();
        for (KubeObject member : members.values()) {
            Optional<Resolution> own = memberScheme(member);
            if (own.isPresent() && own.get().scheme() == Scheme.UNKNOWN) {
                return own.get();
            }
            own.ifPresent(r -> {
                explicit.add(r.scheme());
                sources.add(r.source() + (member.ref().equals(ingress.ref()) ? "" : " of " + describe(member)));
            });
        }
        String inGroup = group == null ? "" : " (IngressGroup " + group + ")";
        if (explicit.isEmpty()) {
            return new Resolution(Scheme.INTERNAL, "the controller's default scheme, internal" + inGroup);
        }
        if (explicit.size() > 1) {
            return new Resolution(Scheme.INTERNAL, "conflicting schemes " + sources + inGroup
                    + ": the controller refuses such a group; treated as internal");
        }
        return new Resolution(explicit.iterator().next(), String.join(", ", sources) + inGroup);
    }

    /** A member's explicit scheme: its IngressClassParams' spec.scheme, else its annotation; empty when neither. */
    private Optional<Resolution> memberScheme(KubeObject ingress) {
        String className = className(ingress);
        JsonNode parameters = classes.containsKey(className) ? classes.get(className).at("/spec/parameters") : null;
        if (parameters != null && "IngressClassParams".equals(parameters.path("kind").asText())
                && PARAMS_GROUPS.contains(parameters.path("apiGroup").asText())) {
            String paramsName = parameters.path("name").asText();
            JsonNode p = params.get(parameters.path("apiGroup").asText() + "/" + paramsName);
            if (p == null) {
                return Optional.of(new Resolution(Scheme.UNKNOWN, "IngressClass " + className + " takes its settings from "
                        + "IngressClassParams " + paramsName + ", which is not in the input; its spec.scheme would win over "
                        + "the Ingress's annotation"));
            }
            String scheme = p.at("/spec/scheme").asText("");
            if (!scheme.isEmpty()) {
                return Optional.of(new Resolution(parse(scheme), "IngressClassParams " + paramsName + " spec.scheme " + scheme));
            }
        }
        JsonNode annotation = ingress.at("/metadata/annotations").get(ANNOTATION + "scheme");
        if (annotation == null || annotation.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new Resolution(parse(annotation.asText()), "annotation " + ANNOTATION + "scheme: " + annotation.asText()));
    }

    /** The explicit IngressGroup: IngressClassParams spec.group.name, else the group.name annotation; null for none. */
    private String groupName(KubeObject ingress) {
        JsonNode cls = classes.get(className(ingress));
        if (cls != null) {
            JsonNode parameters = cls.at("/spec/parameters");
            JsonNode p = params.get(parameters.path("apiGroup").asText() + "/" + parameters.path("name").asText());
            if (p != null && !p.at("/spec/group/name").asText("").isEmpty()) {
                return p.at("/spec/group/name").asText();
            }
        }
        String group = ingress.at("/metadata/annotations").path(ANNOTATION + "group.name").asText("").trim();
        return group.isEmpty() ? null : group;
    }

    private static Scheme parse(String value) {
        // The controller knows exactly these two values and refuses any other (no ALB at all): internal is the safe reading.
        return value.trim().equals("internet-facing") ? Scheme.INTERNET_FACING : Scheme.INTERNAL;
    }

    private static String describe(KubeObject ingress) {
        return "Ingress " + (ingress.ref().namespace() == null ? "" : ingress.ref().namespace() + "/") + ingress.ref().name();
    }
}
