package io.jenkins.plugins.eks2aks.manifests.rules.karpenter;

import io.jenkins.plugins.eks2aks.clusters.VmSizes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One NodePool requirement on an EC2 property, as the AKS Karpenter provider asks for it (catalog §6.1 S10;
 * S22 well-known labels). EC2 and Azure VM catalogues do not line up one to one, so every translated value is
 * a suggestion and reported with a warning; properties Azure has no label for are dropped.
 */
public final class InstanceRequirement {

    /** What becomes of one requirement. */
    enum Kind { KEEP, REWRITE, DROP, DECIDE }

    /**
     * @param kind        what to do
     * @param requirement the new requirement for {@link Kind#REWRITE}
     * @param exact       whether the rewrite keeps the meaning exactly (AUTO) or only approximately (AUTO+WARN)
     * @param reason      why, for the report
     * @param mappingKeys the mapping-file keys a {@link Kind#DECIDE} reason tells the user to set
     */
    record Outcome(Kind kind, JsonNode requirement, boolean exact, String reason, List<String> mappingKeys) {
        Outcome(Kind kind, JsonNode requirement, boolean exact, String reason) {
            this(kind, requirement, exact, reason, List.of());
        }
    }

    static final List<String> AWS_PREFIXES = List.of("karpenter.k8s.aws/", "eks.amazonaws.com/");
    private static final String AZURE = "karpenter.azure.com/";
    private static final String SOURCE = " (catalog KP1, S10; S22)";

    /** EC2 instance category (the family's letter) → Azure VM family; "my mapping" in the catalog (S10). */
    public static final Map<String, String> CATEGORY_TO_FAMILY = Map.of("m", "D", "c", "F", "r", "E", "t", "B", "i", "L",
            "d", "L", "g", "N", "p", "N", "x", "M", "u", "M");
    /** EC2 properties with the same meaning and unit on Azure (memory in MiB on both). */
    public static final Map<String, String> SAME_MEANING = Map.of("instance-cpu", "sku-cpu", "instance-memory",
            "sku-memory", "instance-gpu-count", "sku-gpu-count", "instance-gpu-manufacturer", "sku-gpu-manufacturer");
    private static final Set<String> ZONE_KEYS = Set.of("topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone");
    private static final Pattern SIZE = Pattern.compile("^(\\d*)xlarge$");
    private static final Pattern FAMILY_LETTERS = Pattern.compile("^([a-z]+)\\d");

    private InstanceRequirement() {
    }

    static Outcome convert(JsonNode requirement, MigrationMapping mapping) {
        String key = requirement.path("key").asText();
        List<String> accelerators = accelerators(requirement);
        if (!accelerators.isEmpty()) {
            return new Outcome(Kind.DECIDE, null, false, key + " " + accelerators + " asks for AWS accelerators (Inferentia "
                    + "or Trainium through Neuron, Gaudi, FPGA) that Azure has no VM for: re-target the workload (for "
                    + "example at NC/ND GPU sizes with karpenter.azure.com/sku-gpu-name) and rewrite this requirement" + SOURCE);
        }
        if (ZONE_KEYS.contains(key)) {
            return zones(requirement, mapping);
        }
        if ("topology.k8s.aws/zone-id".equals(key)) {
            return new Outcome(Kind.DROP, null, true, "AWS zone ids mean nothing on AKS (catalog S11)");
        }
        if ("node.kubernetes.io/instance-type".equals(key) || "beta.kubernetes.io/instance-type".equals(key)) {
            List<String> sizes = new java.util.ArrayList<>();
            requirement.path("values").forEach(v -> VmSizes.azureSize(v.asText()).ifPresent(size -> {
                if (!sizes.contains(size)) {
                    sizes.add(size);
                }
            }));
            boolean allKnown = requirement.path("values").size() > 0 && requirement.path("values").size()
                    == java.util.stream.StreamSupport.stream(requirement.path("values").spliterator(), false)
                    .filter(v -> VmSizes.azureSize(v.asText()).isPresent()).count();
            if (allKnown) {
                com.fasterxml.jackson.databind.node.ObjectNode rewritten = requirement.deepCopy();
                rewritten.put("key", "node.kubernetes.io/instance-type");
                com.fasterxml.jackson.databind.node.ArrayNode values = rewritten.putArray("values");
                sizes.forEach(values::add);
                return new Outcome(Kind.REWRITE, rewritten, false, "EC2 instance types as the Azure VM sizes with the same "
                        + "vCPUs and memory (catalog §6.3); the size is a cost decision" + SOURCE);
            }
            return new Outcome(Kind.DECIDE, null, false, "EC2 instance types " + requirement.path("values") + ": choose "
                    + "Azure VM sizes (catalog §6.3, e.g. m5.large → Standard_D2s_v5) and require them with "
                    + "karpenter.azure.com/sku-name in the source, or use sku-family/sku-cpu" + SOURCE);
        }
        Optional<String> property = AWS_PREFIXES.stream().filter(key::startsWith).findFirst().map(p -> key.substring(p.length()));
        if (property.isEmpty()) {
            return new Outcome(Kind.KEEP, requirement, true, "");
        }
        String name = property.get();
        if (SAME_MEANING.containsKey(name)) {
            return new Outcome(Kind.REWRITE, rekey(requirement, AZURE + SAME_MEANING.get(name), v -> Optional.of(v)), true,
                    key + " has the same meaning as " + AZURE + SAME_MEANING.get(name) + SOURCE);
        }
        return switch (name) {
            case "instance-category" -> translated(requirement, "sku-family", v -> Optional.ofNullable(CATEGORY_TO_FAMILY.get(v)),
                    "EC2 categories become Azure VM families (m→D, c→F, r→E, t→B)");
            case "instance-family" -> translated(requirement, "sku-family", InstanceRequirement::familyOf,
                    "EC2 families become Azure VM families by their category (m5→D, c6i→F, r6g→E)");
            case "instance-generation" -> translated(requirement, "sku-version", Optional::of,
                    "EC2 generations become Azure SKU versions; the numbers do not correspond exactly");
            case "instance-size" -> translated(requirement, "sku-cpu", InstanceRequirement::cpusOf,
                    "EC2 sizes become vCPU counts (large=2, xlarge=4, Nxlarge=4N)");
            case "instance-gpu-name" -> translated(requirement, "sku-gpu-name", v -> Optional.of(v.toUpperCase(Locale.ROOT)),
                    "GPU names are upper case on Azure (t4→T4, a100→A100)");
            default -> new Outcome(Kind.DROP, null, true, key + " has no Azure VM label" + SOURCE);
        };
    }

    private static Outcome zones(JsonNode requirement, MigrationMapping mapping) {
        List<String> unmapped = new ArrayList<>();
        for (JsonNode v : requirement.path("values")) {
            if (!mapping.zones().containsKey(v.asText()) && !v.asText().matches("^[a-z0-9]+-[0-9]$")) {
                unmapped.add(v.asText());
            }
        }
        if (!unmapped.isEmpty()) {
            return new Outcome(Kind.DECIDE, null, false, "AWS zones " + unmapped + ": set zones." + unmapped.get(0)
                    + " (and the others) to AKS zones such as <region>-1 (catalog KP1, S6; S21)", List.of("zones." + unmapped.get(0)));
        }
        JsonNode rewritten = rekey(requirement, "topology.kubernetes.io/zone", v -> Optional.of(mapping.zones().getOrDefault(v, v)));
        return rewritten.equals(requirement) ? new Outcome(Kind.KEEP, requirement, true, "")
                : new Outcome(Kind.REWRITE, rewritten, true, "AWS zones become the AKS zones the mapping file names (catalog KP1, S6; S21)");
    }

    /** A rewrite whose values are translated one by one; values without a counterpart are left out and reported. */
    private static Outcome translated(JsonNode requirement, String azureLabel, Function<String, Optional<String>> value, String why) {
        List<String> lost = new ArrayList<>();
        JsonNode rewritten = rekey(requirement, AZURE + azureLabel, v -> {
            Optional<String> azure = value.apply(v);
            if (azure.isEmpty()) {
                lost.add(v);
            }
            return azure;
        });
        String key = requirement.path("key").asText();
        if (rewritten.path("values").isEmpty() && requirement.path("values").size() > 0) {
            return new Outcome(Kind.DROP, null, false, key + " " + requirement.path("values") + " has no Azure counterpart; "
                    + "the requirement is dropped, so NAP may choose any VM" + SOURCE);
        }
        return new Outcome(Kind.REWRITE, rewritten, false, why + (lost.isEmpty() ? "" : "; no counterpart for " + lost)
                + SOURCE);
    }

    /** The requirement with another key and translated, de-duplicated values; operator and minValues kept. */
    private static JsonNode rekey(JsonNode requirement, String key, Function<String, Optional<String>> value) {
        ObjectNode out = requirement.deepCopy();
        out.put("key", key);
        if (requirement.has("values")) {
            Set<String> values = new LinkedHashSet<>();
            requirement.path("values").forEach(v -> value.apply(v.asText()).ifPresent(values::add));
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            values.forEach(array::add);
            out.set("values", array);
        }
        return out;
    }

    /** The values of an {@code In} requirement on instance type, family or category that name AWS accelerators. */
    private static List<String> accelerators(JsonNode requirement) {
        String key = requirement.path("key").asText();
        boolean typed = key.endsWith("/instance-type") || key.equals("karpenter.k8s.aws/instance-family")
                || key.equals("karpenter.k8s.aws/instance-category");
        List<String> found = new ArrayList<>();
        if (typed && "In".equals(requirement.path("operator").asText())) {
            requirement.path("values").forEach(v -> {
                if (VmSizes.isAwsAccelerator(v.asText().split("\\.")[0])) {
                    found.add(v.asText());
                }
            });
        }
        return found;
    }

    static Optional<String> familyOf(String ec2Family) {
        Matcher m = FAMILY_LETTERS.matcher(ec2Family.toLowerCase(Locale.ROOT));
        return m.find() && m.group(1).length() == 1 ? Optional.ofNullable(CATEGORY_TO_FAMILY.get(m.group(1))) : Optional.empty();
    }

    static Optional<String> cpusOf(String size) {
        if ("large".equals(size)) {
            return Optional.of("2");
        }
        Matcher m = SIZE.matcher(size);
        if (m.matches()) {
            return Optional.of(String.valueOf(4 * (m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1)))));
        }
        return Optional.empty(); // nano…medium depend on the family; metal is a whole host
    }
}
