package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads manifests from a file or a directory tree: multi-document YAML, JSON, {@code kind: List}. Every
 * document must be a Kubernetes object with {@code apiVersion} and {@code kind}; anything else is an error
 * that names the file, line and column, so that nothing is written from input we did not understand.
 *
 * <p>Long because: every input form (YAML streams, JSON, Lists, Kustomize and Helm folders) must report errors with
 * the same file/line/column wording, which one reader keeps in one place.
 */
public final class ManifestReader {

    // A YAML document marker: "---" at column 0, alone or followed by white space (YAML 1.2, 9.1.2).
    // Markers always start a document, even inside block scalars, so splitting on them is exact.
    private static final Pattern DOCUMENT_MARKER = Pattern.compile("^---(?:[ \\t](.*))?$");
    private static final Pattern DOCUMENT_END = Pattern.compile("^\\.\\.\\.[ \\t]*$");

    /** Go template actions as Helm charts use them: {{ .Values.x }}, {{- include ... }}. */
    private static final int MAX_ALIASES = 50;
    private static final Pattern HELM_TEMPLATE = Pattern.compile("\\{\\{-?\\s*[-.$/(a-zA-Z\"]");

    private final ObjectMapper yaml;
    private final ObjectMapper json;

    public ManifestReader() {
        this.yaml = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
        this.json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Reads {@code input}, a manifest file or a directory searched recursively for *.yaml, *.yml, *.json. */
    public ManifestSet read(Path input) {
        return read(input, PathExclusions.NONE);
    }

    /** Reads {@code input} as {@link #read(Path)} does, leaving out the files {@code exclusions} name. */
    public ManifestSet read(Path input, PathExclusions exclusions) {
        if (!Files.exists(input)) {
            throw new MigrationException("Input path '" + input + "' does not exist");
        }
        if (!Files.isDirectory(input)) {
            return new ManifestSet(input, false, List.of(readFile(input, input.getFileName().toString())), List.of());
        }
        List<ManifestFile> files = new ArrayList<>();
        List<String> passThrough = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        readEach(input, files::add, passThrough, notes, (file, relative) -> false, exclusions, excluded);
        return new ManifestSet(input, true, files, passThrough, notes, excluded);
    }

    /**
     * Reads a directory one manifest file at a time, with the same checks as {@link #read}: each file is handed to
     * {@code each} and can be dropped there, so a directory larger than memory can be read. The errors of files that
     * do not parse are thrown together once every file was visited.
     *
     * @param takeOver called first for every manifest file (path, relative name); when it returns true the caller
     *                 has read the file itself (e.g. as a stream, because it is large) and it is not read here
     */
    public void readEach(Path dir, Consumer<ManifestFile> each, List<String> passThrough, List<String> notes,
                         BiPredicate<Path, String> takeOver) {
        readEach(dir, each, passThrough, notes, takeOver, PathExclusions.NONE, new ArrayList<>());
    }

    /** As {@link #readEach(Path, Consumer, List, List, BiPredicate)}, leaving out (and adding to {@code excluded}) what {@code exclusions} names. */
    private void readEach(Path dir, Consumer<ManifestFile> each, List<String> passThrough, List<String> notes,
                          BiPredicate<Path, String> takeOver, PathExclusions exclusions, List<String> excluded) {
        List<String> errors = new ArrayList<>();
        hidden(dir, passThrough, notes);
        for (Path file : listFiles(dir)) {
            String relative = dir.relativize(file).toString().replace('\\', '/');
            if (exclusions.excludes(relative)) {
                excluded.add(relative);
                continue;
            }
            if (relative.equals(MappingFile.FILE_NAME)) {
                continue; // the migration's decisions, not a Kubernetes manifest: never copied into the output
            }
            if (!isManifest(file) || isKustomization(file)) {
                passThrough.add(relative);
                continue;
            }
            if (takeOver.test(file, relative)) {
                continue;
            }
            String helm = relative + ": a Helm template ({{ ... }}), copied unchanged: render the chart with helm template "
                    + "first and convert the result";
            String text;
            try {
                text = readText(file);
            } catch (MigrationException e) {
                errors.add(e.getMessage());
                continue;
            }
            // A ConfigMap may hold {{ }} (alert templates): only a chart's templates, or a file that is no manifest
            // because of them, count as Helm templates.
            boolean template = HELM_TEMPLATE.matcher(text).find();
            if (template && isChartTemplate(file)) {
                passThrough.add(relative);
                notes.add(helm);
            } else if (!hasKubernetesObject(relative, text)) {
                passThrough.add(relative);
                notes.add(template ? helm : relative + ": not a Kubernetes manifest (no document has apiVersion and kind), "
                        + "copied unchanged");
            } else {
                ManifestFile parsed = null;
                try {
                    parsed = parse(relative, text);
                } catch (MigrationException e) {
                    if (template) {
                        passThrough.add(relative);
                        notes.add(helm);
                    } else {
                        errors.add(e.getMessage());
                    }
                }
                if (parsed != null) {
                    each.accept(parsed); // outside the try: what the caller does with the file is not a parse error
                }
            }
        }
        if (errors.size() == 1) {
            throw new MigrationException(errors.get(0));
        }
        if (!errors.isEmpty()) {
            throw new MigrationException(errors.size() + " files cannot be converted: " + String.join(" | ", errors));
        }
        notes.addAll(remoteResources(dir, passThrough));
    }

    /** Remote bases and resources of the kustomizations (URLs, {@code github.com/…}): named, since nothing reads them. */
    private static List<String> remoteResources(Path input, List<String> passThrough) {
        List<String> out = new ArrayList<>();
        for (String file : passThrough) {
            if (!Kustomizations.isKustomization(file)) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode k = Kustomizations.read(input.resolve(file));
            for (String field : List.of("resources", "bases", "components")) {
                for (com.fasterxml.jackson.databind.JsonNode entry : k.path(field)) {
                    String resource = entry.asText("");
                    if (Kustomizations.isRemote(resource)) {
                        out.add(file + ": remote " + field.replaceFirst("s$", "") + " " + resource + " is not read, so "
                                + "nothing in it is converted: render it (kubectl kustomize) into the input to convert it");
                    }
                }
            }
        }
        return out;
    }

    /**
     * A YAML file that reuses collections through aliases more than SnakeYAML's bound allows (a "billion laughs"
     * file expands to gigabytes) is refused before anything else reads it: composed once with that bound.
     */
    private static void refuseAliasBombs(String name, String text) {
        if (text.indexOf('&') < 0 || text.indexOf('*') < 0) {
            return; // no anchors, or none used: nothing to expand
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        try {
            for (Node ignored : new Yaml(options).composeAll(new java.io.StringReader(text))) {
                // composing enforces the bound
            }
        } catch (YAMLException e) {
            if (String.valueOf(e.getMessage()).contains("aliases")) {
                throw new MigrationException(name + ": refused: the file reuses collections through more than "
                        + MAX_ALIASES + " YAML aliases, which could expand without bound; expand the aliases by hand");
            }
            // other problems are reported by the parser that reads the file, with their line and column
        }
    }

    /** A file under a chart's {@code templates/} folder (a folder with a Chart.yaml above it). */
    private static boolean isChartTemplate(Path file) {
        for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
            if (dir.getFileName() != null && dir.getFileName().toString().equals("templates")
                    && dir.getParent() != null && Files.isRegularFile(dir.getParent().resolve("Chart.yaml"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether some document of the file is a Kubernetes object (a mapping with apiVersion and kind). A file whose
     * documents all parse but none is one (Helm values, Chart.yaml, an IAM policy) is not a manifest; a file that
     * does not parse counts as one, so that its error is reported.
     */
    private boolean hasKubernetesObject(String name, String text) {
        try {
            boolean isJson = name.toLowerCase(Locale.ROOT).endsWith(".json");
            List<JsonNode> documents = new ArrayList<>();
            if (isJson) {
                documents.add(json.readTree(text));
            } else {
                try (var parser = yaml.getFactory().createParser(text)) {
                    yaml.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
                }
            }
            boolean empty = documents.stream().allMatch(d -> d == null || d.isNull() || d.isMissingNode());
            return empty || documents.stream().anyMatch(d -> d != null && d.isObject()
                    && d.path("apiVersion").isTextual() && d.path("kind").isTextual());
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** Parses one file's text; {@code name} is how errors name it. */
    public ManifestFile parse(String name, String text) {
        boolean isJson = name.toLowerCase(Locale.ROOT).endsWith(".json");
        if (!isJson) {
            refuseAliasBombs(name, text);
        }
        List<ManifestDocument> documents = isJson ? parseJson(name, text) : parseYaml(name, text);
        return new ManifestFile(name, isJson, text, documents);
    }

    private ManifestFile readFile(Path file, String name) {
        return parse(name, readText(file));
    }

    private static String readText(Path file) {
        if (!Files.isReadable(file)) {
            throw new MigrationException("Cannot read '" + file + "': permission denied");
        }
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MigrationException("Cannot read '" + file + "': it is not UTF-8 text");
        } catch (IOException e) {
            throw new MigrationException("Cannot read '" + file + "': " + e.getMessage(), e);
        }
        return text;
    }

    private List<ManifestDocument> parseJson(String name, String text) {
        if (text.isBlank()) {
            return List.of();
        }
        JsonNode node = parseTree(json, name, text, 1);
        return List.of(document(name, 0, 1, 0, text.length(), node));
    }

    private List<ManifestDocument> parseYaml(String name, String text) {
        List<ManifestDocument> documents = new ArrayList<>();
        int chunkStart = 0;
        int chunkLine = 1;
        int offset = 0;
        int line = 1;
        while (offset <= text.length()) {
            int newline = text.indexOf('\n', offset);
            int lineEnd = newline < 0 ? text.length() : newline;
            int next = newline < 0 ? text.length() + 1 : newline + 1;
            String content = stripCr(text.substring(offset, lineEnd));
            Matcher marker = DOCUMENT_MARKER.matcher(content);
            boolean isMarker = marker.matches();
            if (isMarker || DOCUMENT_END.matcher(content).matches()) {
                addYamlDocument(documents, name, text, chunkStart, offset, chunkLine);
                chunkStart = Math.min(next, text.length());
                chunkLine = line + 1;
                String inline = isMarker && marker.group(1) != null ? marker.group(1).trim() : "";
                if (!inline.isEmpty() && !inline.startsWith("#")) {
                    // "--- {a: 1}": the document starts on the marker line itself.
                    chunkStart = offset + content.indexOf(inline);
                    chunkLine = line;
                }
            }
            offset = next;
            line++;
        }
        addYamlDocument(documents, name, text, chunkStart, text.length(), chunkLine);
        return documents;
    }

    private void addYamlDocument(List<ManifestDocument> documents, String name, String text, int start, int end,
                                 int startLine) {
        if (start >= end) {
            return;
        }
        String chunk = text.substring(start, end);
        JsonNode node = parseTree(yaml, name, chunk, startLine);
        if (node == null || node.isMissingNode() || node.isNull()) {
            return; // only comments or blank lines
        }
        documents.add(document(name, documents.size(), startLine, start, end, node));
    }

    private ManifestDocument document(String name, int index, int startLine, int start, int end, JsonNode node) {
        ManifestDocument doc = new ManifestDocument(name, index, startLine, start, end, node);
        requireKubernetesObject(doc, node, "");
        if ("List".equals(node.path("kind").asText()) || node.path("kind").asText().endsWith("List")) {
            JsonNode items = node.path("items");
            if (!items.isArray() && !items.isMissingNode() && !items.isNull()) {
                throw new MigrationException(doc.location() + ": 'items' of a " + node.path("kind").asText()
                        + " must be a list");
            }
            for (int i = 0; i < items.size(); i++) {
                requireKubernetesObject(doc, items.get(i), " item " + (i + 1));
            }
        }
        return doc;
    }

    private static void requireKubernetesObject(ManifestDocument doc, JsonNode node, String what) {
        if (!node.isObject()) {
            throw new MigrationException(doc.location() + what + ": not a Kubernetes object (expected a mapping with "
                    + "apiVersion and kind, found " + node.getNodeType().toString().toLowerCase(Locale.ROOT) + ")");
        }
        for (String field : List.of("apiVersion", "kind")) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw new MigrationException(doc.location() + what + ": missing '" + field
                        + "'; every document must be a Kubernetes object with apiVersion and kind");
            }
        }
    }

    private static JsonNode parseTree(ObjectMapper mapper, String name, String text, int firstLine) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw syntaxError(name, firstLine, e, mapper instanceof YAMLMapper);
        }
    }

    /**
     * The one-line error for a document that does not parse: {@code name:line:column: invalid YAML: …}.
     *
     * @param firstLine the line of the file where the parsed text starts (1 when the whole file was parsed)
     */
    public static MigrationException syntaxError(String name, int firstLine, JsonProcessingException e, boolean yaml) {
        if (e.getCause() instanceof MarkedYAMLException yamlError && yamlError.getProblemMark() != null) {
            return yamlError(name, firstLine, yamlError, e);
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? firstLine : firstLine + Math.max(at.getLineNr(), 1) - 1;
        int column = at == null ? 1 : Math.max(at.getColumnNr(), 1);
        return new MigrationException(name + ":" + line + ":" + column + ": invalid " + (yaml ? "YAML" : "JSON") + ": "
                + firstLineOf(e.getOriginalMessage()), e);
    }

    /** SnakeYAML knows where the problem is and where the construct it was reading began: say both. */
    private static MigrationException yamlError(String name, int firstLine, MarkedYAMLException error,
                                                JsonProcessingException e) {
        Mark problem = error.getProblemMark();
        String message = name + ":" + (firstLine + problem.getLine()) + ":" + (problem.getColumn() + 1)
                + ": invalid YAML: " + firstLineOf(error.getProblem());
        Mark context = error.getContextMark();
        if (error.getContext() != null && context != null) {
            message += " (" + firstLineOf(error.getContext()) + " that starts at line " + (firstLine + context.getLine())
                    + ", column " + (context.getColumn() + 1) + ")";
        }
        return new MigrationException(message, e);
    }

    private static String firstLineOf(String message) {
        String m = message == null ? "parse error" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean isManifest(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    private static boolean isKustomization(Path file) {
        String n = file.getFileName().toString();
        return n.equals("kustomization.yaml") || n.equals("kustomization.yml") || n.equals("Kustomization");
    }

    private static List<Path> listFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(dir.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new MigrationException("Cannot list '" + dir + "': " + e.getMessage(), e);
        }
    }

    /**
     * Hidden files (a dotfile in a folder that is not hidden itself: {@code .sops.yaml}, {@code .gitignore}) are
     * copied unchanged, with a note; a hidden folder ({@code .git}, {@code .github}) is neither read nor copied, and
     * said so once. A {@code .sops.yaml} naming AWS KMS keys gets the decision its documents need.
     */
    private static void hidden(Path dir, List<String> passThrough, List<String> notes) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                Path relative = dir.relativize(p);
                if (relative.toString().isEmpty() || !relative.getFileName().toString().startsWith(".")
                        || relative.toString().equals(io.jenkins.plugins.eks2aks.files.OutputFolder.MARKER)) {
                    continue; // the marker of an earlier output given as input: the new output gets its own
                }
                Path parent = relative.getParent();
                if (parent != null && isHidden(parent)) {
                    continue; // inside a hidden folder, which is reported itself
                }
                String name = relative.toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    notes.add(name + "/: hidden folder, neither read nor copied");
                } else if (Files.isRegularFile(p)) {
                    passThrough.add(name);
                    String text = relative.getFileName().toString().equals(".sops.yaml") ? Files.readString(p) : "";
                    notes.add(name + ": hidden file, copied unchanged" + (text.contains("arn:aws:kms:")
                            ? "; its SOPS rules encrypt with AWS KMS keys: on AKS re-encrypt with an Azure Key Vault key "
                            + "(azure_keyvault in creation_rules, sops --azure-kv)" : ""));
                }
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot list '" + dir + "': " + e.getMessage(), e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
