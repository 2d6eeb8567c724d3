package io.jenkins.plugins.eks2aks.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * fabric8's CRUD dispatcher, plus what a real API server does and the mock does not: list pagination with
 * {@code limit} and {@code continue}, and discovery ({@code /apis}) for the groups of the stored objects. Also
 * records each request's path and Authorization header, so tests can check what the client sent.
 */
public final class PagingCrudDispatcher extends KubernetesCrudDispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as received. */
    public record Seen(String path, String authorization) {
    }

    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    /** The full list of the last listed path, so later pages do not compose the whole list again (as etcd would not). */
    private String cachedPath;
    private int cachedSize = -1;
    private JsonNode cachedBody;
    private volatile List<String> apiGroups = List.of();

    /** Serve discovery ({@code /apis}) listing these group versions, e.g. {@code apps/v1}. Empty: 404, like the plain mock. */
    public void discovery(List<String> groupVersions) {
        this.apiGroups = List.copyOf(groupVersions);
    }

    public List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /**
     * Stores an object directly, without an HTTP round trip (benchmarks load tens of thousands), under the attributes
     * a create at {@code collectionPath} (e.g. {@code /apis/apps/v1/namespaces/a/deployments}) would give it.
     */
    public void store(String collectionPath, String json) {
        getMap().put(io.fabric8.mockwebserver.crud.AttributeSet.merge(getAttributeExtractor().fromPath(collectionPath),
                getAttributeExtractor().fromResource(json)), json);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        seen.add(new Seen(request.getPath(), request.getHeader("Authorization")));
        return super.dispatch(request);
    }

    @Override
    public MockResponse handleGet(String path) {
        if (path.equals("/apis") || path.equals("/apis/")) {
            return apiGroups.isEmpty() ? new MockResponse().setResponseCode(404) : new MockResponse().setResponseCode(200).setBody(groups());
        }
        int q = path.indexOf('?');
        if (q < 0) {
            return super.handleGet(path);
        }
        long limit = 0;
        int offset = 0;
        StringBuilder rest = new StringBuilder();
        for (String pair : path.substring(q + 1).split("&")) {
            if (pair.startsWith("limit=")) {
                limit = Long.parseLong(pair.substring(6));
            } else if (pair.startsWith("continue=")) {
                offset = Integer.parseInt(URLDecoder.decode(pair.substring(9), StandardCharsets.UTF_8).replace("offset-", ""));
            } else if (!pair.isEmpty()) {
                rest.append(rest.length() == 0 ? "?" : "&").append(pair);
            }
        }
        String base = path.substring(0, q) + rest;
        if (limit <= 0) {
            return super.handleGet(base);
        }
        try {
            JsonNode body;
            synchronized (this) {
                if (offset > 0 && base.equals(cachedPath) && cachedSize == getMap().size()) {
                    body = cachedBody;
                } else {
                    MockResponse response = super.handleGet(base);
                    if (response.code() != 200) {
                        return response;
                    }
                    body = JSON.readTree(response.getBody().readUtf8());
                    cachedPath = base;
                    cachedSize = getMap().size();
                    cachedBody = body;
                }
            }
            JsonNode items = body.path("items");
            if (!items.isArray()) {
                return new MockResponse().setResponseCode(200).setBody(body.toString());
            }
            // A new page object that shares the cached items: the cache itself is never modified.
            ObjectNode out = JSON.createObjectNode();
            body.fieldNames().forEachRemaining(f -> {
                if (!f.equals("items") && !f.equals("metadata")) {
                    out.set(f, body.get(f));
                }
            });
            ObjectNode metadata = out.putObject("metadata");
            if (body.path("metadata").has("resourceVersion")) {
                metadata.set("resourceVersion", body.path("metadata").get("resourceVersion"));
            }
            ArrayNode page = out.putArray("items");
            for (int i = offset; i < Math.min(items.size(), offset + limit); i++) {
                page.add(items.get(i));
            }
            if (offset + limit < items.size()) {
                metadata.put("continue", "offset-" + (offset + limit));
                metadata.put("remainingItemCount", items.size() - offset - limit);
            }
            return new MockResponse().setResponseCode(200).setBody(out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String groups() {
        ObjectNode list = JSON.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        for (String gv : apiGroups) {
            String group = gv.substring(0, gv.indexOf('/'));
            ObjectNode g = groups.addObject().put("name", group);
            g.putArray("versions").addObject().put("groupVersion", gv).put("version", gv.substring(gv.indexOf('/') + 1));
            g.putObject("preferredVersion").put("groupVersion", gv).put("version", gv.substring(gv.indexOf('/') + 1));
        }
        return list.toString();
    }
}
