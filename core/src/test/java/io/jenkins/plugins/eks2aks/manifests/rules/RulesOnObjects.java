package io.jenkins.plugins.eks2aks.manifests.rules;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.Manifests;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs a family of rules over the objects of some YAML, with a mapping file given as text, and describes what
 * they propose one line per change, so that a test table can say what it expects in a readable way.
 */
public final class RulesOnObjects {

    /** A change and the object it is for. */
    public record Seen(KubeObject object, Change change) {
    }

    private RulesOnObjects() {
    }

    /** The context rules see: the mapping file {@code mapping} and an index of {@code objects}. */
    public static RuleContext context(String mapping, List<KubeObject> objects) {
        InputIndex index = InputIndex.empty();
        objects.forEach(index::add);
        return new RuleContext(MappingFile.parse("eks2aks.yaml", mapping), index);
    }

    public static List<Seen> run(Function<RuleContext, List<ConversionRule>> family, String mapping, String manifests) {
        List<KubeObject> objects = Manifests.objects(manifests);
        List<ConversionRule> rules = family.apply(context(mapping, objects));
        List<Seen> out = new ArrayList<>();
        for (KubeObject object : objects) {
            for (ConversionRule rule : rules) {
                if (rule.appliesTo(object)) {
                    rule.apply(object).forEach(c -> out.add(new Seen(object, c)));
                }
            }
        }
        return out;
    }

    /** {@code Kind name: RULE MODE op path value}, or {@code Kind name: RULE EXCLUDE} / {@code Kind name: RULE HUMAN path}. */
    public static List<String> describe(List<Seen> changes) {
        return changes.stream().map(seen -> {
            Change c = seen.change();
            String head = seen.object().kind() + " " + seen.object().ref().name() + ": " + c.ruleId() + " " + c.mode();
            if (c.mode() == RuleMode.EXCLUDE) {
                return head;
            }
            if (c.mode() == RuleMode.HUMAN) {
                return head + " " + c.path();
            }
            String value = c.after() == null ? "" : " " + (c.after().isTextual() ? c.after().asText() : c.after().toString());
            return head + " " + c.op() + " " + c.path() + value;
        }).toList();
    }

    /** The HUMAN changes of a run. */
    public static List<Change> findings(List<Seen> changes) {
        return changes.stream().map(Seen::change).filter(c -> c.mode() == RuleMode.HUMAN).toList();
    }

    /** Runs the family over {@code manifests} with each mapping and checks that no object it was given changed. */
    public static void assertNeverModifiesItsInput(Function<RuleContext, List<ConversionRule>> family, String manifests,
                                                   String... mappings) {
        List<KubeObject> objects = Manifests.objects(manifests);
        List<String> before = objects.stream().map(o -> o.object().toString()).toList();
        for (String mapping : mappings) {
            List<ConversionRule> rules = family.apply(context(mapping, objects));
            for (KubeObject object : objects) {
                rules.stream().filter(r -> r.appliesTo(object)).forEach(r -> r.apply(object));
            }
        }
        assertEquals(before, objects.stream().map(o -> o.object().toString()).toList());
    }

    public static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
