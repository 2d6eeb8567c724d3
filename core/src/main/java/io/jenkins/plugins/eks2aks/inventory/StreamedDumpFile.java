package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.manifests.ManifestReader;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A large dump file ({@code kubectl get … -A -o yaml > dump.yaml}: one List of every object) read as a stream: each
 * item is parsed, handed on and dropped, so memory does not grow with the file. The manifest reader holds a file
 * and its trees whole, and its YAML parser refuses a document over 3 MiB, which such a List passes at a few
 * thousand objects. Errors name the file, line and column like the manifest reader's; they surface while the
 * objects are read, before the inventory writes anything.
 */
final class StreamedDumpFile {

    /** Files up to this size go through the manifest reader; larger ones are streamed. */
    static final long LARGE = 2L << 20;
    /** The same bound on YAML aliases the manifest reader enforces ("billion laughs" files). */
    private static final int MAX_ALIASES = 50;

    private final Path file;
    private final String name;
    private final boolean json;
    private final ObjectMapper mapper;

    /** @param name how errors and origins name the file: its name, or its path inside a dump folder */
    StreamedDumpFile(Path file, String name) {
        this.file = file;
        this.name = name;
        this.json = name.toLowerCase(Locale.ROOT).endsWith(".json");
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(Integer.MAX_VALUE);
        JsonFactory factory = json ? new JsonFactory() : YAMLFactory.builder().loaderOptions(options).build();
        this.mapper = new ObjectMapper(factory).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Hands on every object: the items of each List document, or the document itself. Returns how many documents. */
    int forEach(Consumer<ClusterObject> visitor) {
        int index = 0;
        try (Reader reader = utf8(file); JsonParser parser = mapper.createParser(reader)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NULL) {
                    continue; // an empty document (only comments)
                }
                String location = name + ", document " + (++index) + " (line " + parser.currentTokenLocation().getLineNr() + ")";
                if (token != JsonToken.START_OBJECT) {
                    JsonNode scalar = mapper.readTree(parser);
                    requireObject(scalar, location);
                }
                document(parser, location, visitor);
            }
        } catch (JsonProcessingException e) {
            throw ManifestReader.syntaxError(name, 1, e, !json);
        } catch (CharacterCodingException e) {
            throw new MigrationException("Cannot read '" + file + "': it is not UTF-8 text");
        } catch (IOException e) {
            throw new MigrationException("Cannot read '" + file + "': " + e.getMessage(), e);
        }
        return index;
    }

    /**
     * One document, its fields read one by one. kubectl writes {@code items} before {@code kind}, so items are handed
     * on as they come and the document is checked to be a List once its last field was read.
     */
    private void document(JsonParser parser, String location, Consumer<ClusterObject> visitor) throws IOException {
        ObjectNode head = mapper.createObjectNode();
        long items = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("items") && value == JsonToken.START_ARRAY && items < 0) {
                items = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode item = mapper.readTree(parser);
                    String at = location + " item " + (++items);
                    requireObject(item, at);
                    visitor.accept(ClusterObject.of((ObjectNode) item, at));
                }
            } else {
                head.set(field, mapper.readTree(parser));
            }
        }
        requireObject(head, location);
        String kind = head.path("kind").asText();
        if (items < 0) {
            if (kind.endsWith("List") && !head.path("items").isMissingNode() && !head.path("items").isNull()) {
                throw new MigrationException(location + ": 'items' of a " + kind + " must be a list");
            }
            visitor.accept(ClusterObject.of(head, location));
            return;
        }
        if (!kind.endsWith("List")) {
            throw new MigrationException(location + ": a " + kind + " with an 'items' list: only a List's items can be read from a dump "
                    + "this large; split the file");
        }
    }

    private static void requireObject(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new MigrationException(at + ": not a Kubernetes object (expected a mapping with apiVersion and kind, found "
                    + node.getNodeType().toString().toLowerCase(Locale.ROOT) + ")");
        }
        for (String field : new String[] {"apiVersion", "kind"}) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw new MigrationException(at + ": missing '" + field + "'; every document must be a Kubernetes object with apiVersion and kind");
            }
        }
    }

    private static Reader utf8(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new MigrationException("Cannot read '" + file + "': permission denied");
        }
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }
}
