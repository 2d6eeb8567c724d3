package io.jenkins.plugins.eks2aks.manifests.output;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.List;

/**
 * Writes the documents of the generated outputs (kustomization, overlay patches, Velero ConfigMaps) with
 * SnakeYAML, in the layout they have always had: block style, keys in the order given ({@code LinkedHashMap}),
 * a string plain where {@link YamlText#scalar} leaves it plain and double-quoted otherwise, no line folding.
 * SnakeYAML cannot place a comment before a sequence item, so {@link #commented} puts the comments the outputs
 * promise (why a row, a patch, an image entry is there) before the entries of one section of the written text.
 */
final class OutputYaml {

    /** A multi-line string written as a literal block ({@code |}). */
    record Literal(String text) {
    }

    /** Text written unquoted: a JSON number, boolean or null as JSON writes it, or a key such as {@code $patch}. */
    record Raw(String text) {
    }

    private static final Resolver RESOLVER = new Resolver();
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(OutputYaml::yaml);

    private OutputYaml() {
    }

    /** {@code tree} (maps, lists, strings, {@link Literal}, {@link Raw}) as one YAML document, without a start marker. */
    static String write(Object tree) {
        return YAML.get().dump(tree);
    }

    /**
     * {@code yaml} with {@code comments.get(i)} (comment lines, possibly none) before the i-th entry of the
     * top-level section {@code key}: before its i-th sequence item, or its i-th map key when it is a map.
     * {@code key} null: the document is a top-level sequence.
     */
    static String commented(String yaml, String key, List<List<String>> comments) {
        StringBuilder out = new StringBuilder(yaml.length() + comments.size() * 64);
        boolean inside = key == null;
        Boolean sequence = key == null ? Boolean.TRUE : null;
        int entry = 0;
        for (String line : yaml.split("(?<=\n)")) {
            if (key != null && !line.startsWith(" ") && !line.startsWith("- ")) {
                inside = line.startsWith(key + ":");
                sequence = null;
            } else if (inside) {
                if (sequence == null) {
                    sequence = line.startsWith("- ");
                }
                boolean starts = sequence ? line.startsWith("- ")
                        : line.startsWith("  ") && line.length() > 2 && line.charAt(2) != ' ';
                if (starts && entry < comments.size()) {
                    String indent = sequence ? "" : "  ";
                    comments.get(entry++).forEach(c -> out.append(YamlText.comment(indent, c)));
                }
            }
            out.append(line);
        }
        return out.toString();
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        options.setMaxSimpleKeyLength(1024);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new Yaml(new OutputRepresenter(options), options);
    }

    /** Strings quoted as {@link YamlText#scalar} quotes them; {@link Literal} and {@link Raw} as they say. */
    private static final class OutputRepresenter extends Representer {

        OutputRepresenter(DumperOptions options) {
            super(options);
            representers.put(String.class, data -> representScalar(Tag.STR, (String) data,
                    YamlText.needsQuotes((String) data) ? DumperOptions.ScalarStyle.DOUBLE_QUOTED : DumperOptions.ScalarStyle.PLAIN));
            representers.put(Literal.class, data -> representScalar(Tag.STR, ((Literal) data).text(),
                    DumperOptions.ScalarStyle.LITERAL));
            representers.put(Raw.class, data -> {
                String text = ((Raw) data).text();
                return representScalar(RESOLVER.resolve(NodeId.scalar, text, true), text, DumperOptions.ScalarStyle.PLAIN);
            });
        }
    }
}
