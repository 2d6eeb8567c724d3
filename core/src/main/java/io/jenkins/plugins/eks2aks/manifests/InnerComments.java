package io.jenkins.plugins.eks2aks.manifests;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Carries the comments inside a YAML document over to its rewritten text: a comment line goes above the node it
 * stood above, a comment at the end of a line after the node that line ends with, wherever that node still is in
 * the rewritten document (same keys, same positions in lists of the same length). A comment whose node is gone
 * goes with it: it described what a rule removed or replaced. Comments heading the document are kept by the
 * writer itself; comments after the last node stay at the end.
 */
public final class InnerComments {

    private InnerComments() {
    }

    /**
     * @param original  the document's text as read, with LF line ends
     * @param rewritten the converted document as serialized, with LF line ends
     * @return {@code rewritten} with the original's inner comments in place
     */
    public static String carry(String original, String rewritten) {
        if (original.indexOf('#') < 0) {
            return rewritten;
        }
        Layout before = Layout.of(original);
        Layout after = Layout.of(rewritten);
        if (before == null || after == null || before.anchors.isEmpty()) {
            return rewritten;
        }
        String[] lines = original.split("\n", -1);
        Map<String, List<String>> above = new LinkedHashMap<>();
        List<String> trailing = new ArrayList<>();
        int firstContent = before.byLine.firstKey();
        for (int i = firstContent + 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("#") || before.insideScalars.get(i)) {
                continue;
            }
            Map.Entry<Integer, String> next = before.byLine.ceilingEntry(i);
            if (next == null) {
                trailing.add(line);
            } else {
                above.computeIfAbsent(next.getValue(), k -> new ArrayList<>()).add(line);
            }
        }
        Map<String, String> endOfLine = new HashMap<>();
        before.anchors.forEach((path, anchor) -> {
            if (anchor.inlineLine >= 0 && anchor.inlineLine < lines.length) {
                String rest = lines[anchor.inlineLine].substring(Math.min(anchor.inlineColumn, lines[anchor.inlineLine].length()));
                String stripped = rest.strip();
                if (stripped.startsWith(":")) {
                    stripped = stripped.substring(1).strip();
                }
                if (stripped.startsWith("#")) {
                    endOfLine.put(path, stripped);
                }
            }
        });
        if (above.isEmpty() && endOfLine.isEmpty() && trailing.isEmpty()) {
            return rewritten;
        }
        String[] out = rewritten.split("\n", -1);
        Map<Integer, List<String>> insertBefore = new TreeMap<>();
        Map<Integer, String> append = new HashMap<>();
        above.forEach((path, comments) -> {
            Anchor target = after.anchors.get(path);
            if (target != null && target.line < out.length) {
                String indent = out[target.line].substring(0, out[target.line].length() - out[target.line].stripLeading().length());
                comments.forEach(c -> insertBefore.computeIfAbsent(target.line, k -> new ArrayList<>()).add(indent + c));
            }
        });
        endOfLine.forEach((path, comment) -> {
            Anchor target = after.anchors.get(path);
            if (target != null && target.inlineLine >= 0 && target.inlineLine < out.length
                    && !append.containsKey(target.inlineLine)) {
                String rest = out[target.inlineLine].substring(Math.min(target.inlineColumn, out[target.inlineLine].length())).strip();
                if (rest.isEmpty() || rest.equals(":")) {
                    append.put(target.inlineLine, comment);
                }
            }
        });
        StringBuilder text = new StringBuilder(rewritten.length() + 64 * (above.size() + endOfLine.size()));
        for (int i = 0; i < out.length; i++) {
            for (String comment : insertBefore.getOrDefault(i, List.of())) {
                text.append(comment).append('\n');
            }
            boolean last = i == out.length - 1;
            if (last && out[i].isEmpty()) {
                break;
            }
            text.append(out[i]);
            if (append.containsKey(i)) {
                text.append(' ').append(append.get(i));
            }
            if (!last) {
                text.append('\n');
            }
        }
        if (!trailing.isEmpty() && !text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
        trailing.forEach(c -> text.append(c).append('\n'));
        return text.toString();
    }

    /**
     * Where a node sits: the line its entry starts on (a key, or a list item), and the position after which a
     * comment at the end of its line would follow it (-1 when none could).
     */
    private record Anchor(int line, int inlineLine, int inlineColumn) {
    }

    /** Every node of a document by its path, the first path starting on each line, and lines inside scalars. */
    private static final class Layout {
        final Map<String, Anchor> anchors = new HashMap<>();
        final TreeMap<Integer, String> byLine = new TreeMap<>();
        final BitSet insideScalars = new BitSet();
        private final Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());

        static Layout of(String text) {
            Node root;
            try {
                LoaderOptions options = new LoaderOptions();
                options.setMaxAliasesForCollections(50);
                root = new Yaml(options).compose(new StringReader(text));
            } catch (YAMLException | IllegalArgumentException e) {
                return null; // the document was read before; a text this cannot place simply keeps no inner comments
            }
            if (root == null) {
                return null;
            }
            Layout layout = new Layout();
            layout.walk(root, "");
            return layout;
        }

        private void walk(Node node, String path) {
            if (!visited.add(node)) {
                return; // an alias: its marks are the anchor's
            }
            if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                        continue;
                    }
                    String child = path + "/" + key.getValue().replace("~", "~0").replace("/", "~1");
                    Node value = tuple.getValueNode();
                    boolean blockCollection = value instanceof CollectionNode<?> c && c.getFlowStyle() != DumperOptions.FlowStyle.FLOW;
                    int line = key.getStartMark().getLine();
                    if (blockCollection) {
                        place(child, line, key.getEndMark().getLine(), key.getEndMark().getColumn());
                    } else {
                        placeValue(child, line, value);
                    }
                    walk(value, child);
                }
            } else if (node instanceof SequenceNode sequence) {
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size(); i++) {
                    // The length is part of the path: in a list that lost or gained items, positions mean other items.
                    String child = path + "/" + i + "of" + items.size();
                    Node item = items.get(i);
                    if (item instanceof CollectionNode<?> c && c.getFlowStyle() != DumperOptions.FlowStyle.FLOW) {
                        place(child, item.getStartMark().getLine(), -1, 0);
                    } else {
                        placeValue(child, item.getStartMark().getLine(), item);
                    }
                    walk(item, child);
                }
            } else if (node instanceof ScalarNode scalar) {
                int start = scalar.getStartMark().getLine();
                int end = scalar.getEndMark().getLine();
                if (end > start) {
                    insideScalars.set(start + 1, scalar.getEndMark().getColumn() > 0 ? end + 1 : end);
                }
            }
        }

        private void placeValue(String path, int line, Node value) {
            boolean blockScalar = value instanceof ScalarNode s && (s.getScalarStyle().getChar() != null)
                    && (s.getScalarStyle().getChar() == '|' || s.getScalarStyle().getChar() == '>');
            if (blockScalar) {
                place(path, line, -1, 0);
            } else {
                place(path, line, value.getEndMark().getLine(), value.getEndMark().getColumn());
            }
        }

        private void place(String path, int line, int inlineLine, int inlineColumn) {
            anchors.put(path, new Anchor(line, inlineLine, inlineColumn));
            byLine.putIfAbsent(line, path);
        }
    }
}
