package io.jenkins.plugins.eks2aks.standins;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.netty.handler.ssl.SslContextBuilder;
import io.vertx.core.net.SelfSignedCertificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for Azure Resource Manager's {@code Microsoft.Network/trafficmanagerprofiles} (GET and PUT of a
 * whole profile, endpoints inline) and {@code Microsoft.Network/dnsZones/{zone}/{type}/{name}} record sets (GET, PUT),
 * over HTTPS with a self-signed certificate for {@code localhost}, answering with the REST API's JSON shapes and ARM's
 * 404 error body. The SDK's real Traffic Manager and DNS managers talk to it.
 */
public final class ArmTrafficStandIn implements AutoCloseable {

    private static final Pattern PROFILE = Pattern.compile("/subscriptions/([^/]+)/resourcegroups/([^/]+)/providers/microsoft\\.network/"
            + "trafficmanagerprofiles/([^/]+)");
    private static final Pattern RECORD = Pattern.compile("/subscriptions/([^/]+)/resourcegroups/([^/]+)/providers/microsoft\\.network/"
            + "dnszones/([^/]+)/([a-z]+)/([^/]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpsServer server;
    private final SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
    private final Map<String, ObjectNode> resources = new ConcurrentHashMap<>();
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());

    public ArmTrafficStandIn() {
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(sslContext()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("https://localhost:" + server.getAddress().getPort() + "/");
    }

    /** An Azure HTTP client that trusts this stand-in's certificate (and nothing else). */
    public HttpClient httpClient() {
        try {
            var ssl = SslContextBuilder.forClient().trustManager(new File(certificate.certificatePath())).build();
            return new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create().secure(s -> s.sslContext(ssl))).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Weighted (or other) profile with endpoints given as {@code name=target=weight[=Disabled]}. */
    public void profile(String group, String name, String routing, long ttl, String... endpoints) {
        StringBuilder eps = new StringBuilder();
        for (String e : endpoints) {
            String[] p = e.split("=");
            eps.append(eps.length() == 0 ? "" : ",").append("""
                    {"id":"/subscriptions/sub/resourceGroups/%s/providers/Microsoft.Network/trafficManagerProfiles/%s/externalEndpoints/%s",
                     "name":"%s","type":"Microsoft.Network/trafficManagerProfiles/externalEndpoints","properties":{"endpointStatus":"%s",
                     "endpointMonitorStatus":"Online","target":"%s","weight":%s,"priority":1,"alwaysServe":"Disabled"}}"""
                    .formatted(group, name, p[0], p[0], p.length > 3 ? p[3] : "Enabled", p[1], p[2]));
        }
        put(profileKey(group, name), """
                {"id":"/subscriptions/sub/resourceGroups/%1$s/providers/Microsoft.Network/trafficManagerProfiles/%2$s","name":"%2$s",
                 "type":"Microsoft.Network/trafficManagerProfiles","location":"global","tags":{"app":"shop"},
                 "properties":{"profileStatus":"Enabled","trafficRoutingMethod":"%3$s",
                  "dnsConfig":{"relativeName":"%2$s","fqdn":"%2$s.trafficmanager.net","ttl":%4$d},
                  "monitorConfig":{"profileMonitorStatus":"Online","protocol":"HTTPS","port":443,"path":"/healthz","intervalInSeconds":30,
                   "timeoutInSeconds":10,"toleratedNumberOfFailures":3},
                  "endpoints":[%5$s],"trafficViewEnrollmentStatus":"Disabled","maxReturn":0}}""".formatted(group, name, routing, ttl, eps));
    }

    public void cname(String group, String zone, String relative, long ttl, String target) {
        put(recordKey(group, zone, "cname", relative), """
                {"id":"/subscriptions/sub/resourceGroups/%1$s/providers/Microsoft.Network/dnszones/%2$s/CNAME/%3$s","name":"%3$s",
                 "type":"Microsoft.Network/dnszones/CNAME","etag":"e1","properties":{"fqdn":"%3$s.%2$s.","TTL":%4$d,
                 "CNAMERecord":{"cname":"%5$s"},"provisioningState":"Succeeded","metadata":{"owner":"web"}}}"""
                .formatted(group, zone, relative, ttl, target));
    }

    public JsonNode profile(String group, String name) {
        return resources.get(profileKey(group, name));
    }

    /** The endpoint of the profile named {@code endpoint}: its {@code properties}. */
    public JsonNode endpoint(String group, String name, String endpoint) {
        for (JsonNode e : profile(group, name).path("properties").path("endpoints")) {
            if (e.path("name").asText().equals(endpoint)) {
                return e.path("properties");
            }
        }
        return null;
    }

    public JsonNode cname(String group, String zone, String relative) {
        return resources.get(recordKey(group, zone, "cname", relative));
    }

    /** Every PUT, as {@code PUT <resource path>}. */
    public List<String> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }

    private void put(String key, String json) {
        try {
            resources.put(key, (ObjectNode) JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String profileKey(String group, String name) {
        return ("tm/" + group + "/" + name).toLowerCase(Locale.ROOT);
    }

    private static String recordKey(String group, String zone, String type, String relative) {
        return ("dns/" + group + "/" + zone + "/" + type + "/" + relative).toLowerCase(Locale.ROOT);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String lower = path.toLowerCase(Locale.ROOT);
        Matcher profile = PROFILE.matcher(lower);
        Matcher record = RECORD.matcher(lower);
        String key;
        String kind;
        if (profile.matches()) {
            key = profileKey(profile.group(2), profile.group(3));
            kind = "Microsoft.Network/trafficManagerProfiles/" + profile.group(3);
        } else if (record.matches()) {
            key = recordKey(record.group(2), record.group(3), record.group(4), record.group(5));
            kind = "Microsoft.Network/dnszones/" + record.group(3) + "/" + record.group(4).toUpperCase(Locale.ROOT) + "/" + record.group(5);
        } else {
            send(exchange, 404, "{\"error\":{\"code\":\"InvalidResourceType\",\"message\":\"no such resource type: " + path + "\"}}");
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "GET" -> {
                ObjectNode found = resources.get(key);
                if (found == null) {
                    send(exchange, 404, "{\"error\":{\"code\":\"" + (profile.matches() ? "ResourceNotFound" : "NotFound")
                            + "\",\"message\":\"The Resource '" + kind + "' under resource group was not found.\"}}");
                } else {
                    send(exchange, 200, found.toString());
                }
            }
            case "PUT" -> {
                ObjectNode body = (ObjectNode) JSON.readTree(exchange.getRequestBody());
                ObjectNode stored = body.deepCopy();
                String[] parts = path.split("/");
                stored.put("id", path);
                stored.put("name", parts[parts.length - 1]);
                if (profile.matches()) {
                    stored.put("type", "Microsoft.Network/trafficManagerProfiles");
                    ObjectNode dnsConfig = (ObjectNode) stored.path("properties").path("dnsConfig");
                    dnsConfig.put("fqdn", dnsConfig.path("relativeName").asText() + ".trafficmanager.net"); // read-only: ARM derives it
                    for (JsonNode e : stored.path("properties").path("endpoints")) {
                        ((ObjectNode) e).put("id", path + "/externalEndpoints/" + e.path("name").asText());
                        ((ObjectNode) e.path("properties")).put("endpointMonitorStatus",
                                e.path("properties").path("endpointStatus").asText().equals("Disabled") ? "Disabled" : "CheckingEndpoint");
                    }
                } else {
                    stored.put("type", "Microsoft.Network/dnszones/" + record.group(4).toUpperCase(Locale.ROOT));
                    stored.put("etag", "e" + System.nanoTime());
                    ((ObjectNode) stored.path("properties")).put("fqdn", record.group(5) + "." + record.group(3) + ".")
                            .put("provisioningState", "Succeeded");
                }
                resources.put(key, stored);
                writes.add("PUT " + kind);
                send(exchange, 200, stored.toString());
            }
            default -> send(exchange, 405, "{\"error\":{\"code\":\"MethodNotAllowed\",\"message\":\"" + exchange.getRequestMethod() + "\"}}");
        }
    }

    private SSLContext sslContext() {
        try {
            String pem = Files.readString(Path.of(certificate.privateKeyPath()));
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Files.readAllBytes(Path.of(certificate.certificatePath()))));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("arm", key, new char[0], new Certificate[] {cert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, new char[0]);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the stand-in's TLS", e);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().add("x-ms-request-id", "8d2f0e4c-0000-4000-8000-000000000001");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        certificate.delete();
    }
}
