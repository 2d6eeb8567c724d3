package io.jenkins.plugins.eks2aks.standins;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Route 53 API (REST-XML, namespace {@code 2013-04-01}, as the API reference defines it):
 * GetHostedZone, ListResourceRecordSets (DNS order with the labels reversed, paged {@link #pageSize} at a time with
 * NextRecordName/Type/Identifier), ChangeResourceRecordSets (all changes or none: CREATE of an existing set, DELETE
 * of a set whose values differ, a simple and a weighted set of one name and type, or a CNAME beside other types fail
 * the whole batch with InvalidChangeBatch) and GetChange (PENDING for {@link #pendingPolls} polls, then INSYNC). The
 * AWS SDK's real Route 53 client talks to it through its endpoint override.
 */
public final class Route53StandIn implements AutoCloseable {

    private static final String NS = "https://route53.amazonaws.com/doc/2013-04-01/";

    /** One resource record set; {@code extra} keeps routing elements such as {@code <Failover>} as XML. */
    public record RecordSet(String name, String type, String setId, Long weight, Long ttl, List<String> values, String aliasZone,
                            String aliasDns, String extra) {

        String key() {
            return name + "|" + type + "|" + Objects.toString(setId, "");
        }
    }

    private final HttpServer server;
    private final Map<String, String> zones = new LinkedHashMap<>();
    private final Map<String, List<RecordSet>> records = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> changes = new LinkedHashMap<>();
    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger changeCounter = new AtomicInteger();
    private final AtomicInteger getChangeCalls = new AtomicInteger();
    private final AtomicInteger listCalls = new AtomicInteger();
    private volatile int pageSize = 2;
    private volatile int pendingPolls = 1;

    public Route53StandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized Route53StandIn zone(String id, String name) {
        zones.put(id, name);
        records.put(id, new ArrayList<>());
        return this;
    }

    public synchronized Route53StandIn put(String zone, RecordSet r) {
        records.get(zone).removeIf(x -> x.key().equals(r.key()));
        records.get(zone).add(r);
        return this;
    }

    public static RecordSet simple(String name, String type, long ttl, String... values) {
        return new RecordSet(name, type, null, null, ttl, List.of(values), null, null, null);
    }

    public static RecordSet alias(String name, String type, String aliasZone, String aliasDns) {
        return new RecordSet(name, type, null, null, null, List.of(), aliasZone, aliasDns, null);
    }

    public static RecordSet weighted(String name, String type, String setId, long weight, long ttl, String... values) {
        return new RecordSet(name, type, setId, weight, ttl, List.of(values), null, null, null);
    }

    /** Records are listed this many per page. */
    public void pageSize(int size) {
        pageSize = size;
    }

    /** A change answers PENDING to this many GetChange calls before INSYNC; at 0 it is INSYNC as soon as it is accepted. */
    public void pendingPolls(int polls) {
        pendingPolls = polls;
    }

    public synchronized List<RecordSet> records(String zone) {
        return List.copyOf(records.get(zone));
    }

    /** The set named {@code name} of {@code type} with {@code setId} (null: the simple one), or null. */
    public synchronized RecordSet find(String zone, String name, String type, String setId) {
        return records.get(zone).stream().filter(r -> r.name().equals(name) && r.type().equals(type) && Objects.equals(r.setId(), setId))
                .findFirst().orElse(null);
    }

    /** Every accepted batch, each as {@code ACTION name type [setId]} lines. */
    public List<List<String>> batches() {
        synchronized (batches) {
            return List.copyOf(batches);
        }
    }

    public int getChangeCalls() {
        return getChangeCalls.get();
    }

    public int listCalls() {
        return listCalls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String[] p = path.split("/");
            if (p.length == 5 && p[2].equals("hostedzone") && p[4].equals("rrset") && exchange.getRequestMethod().equals("POST")) {
                change(exchange, p[3]);
            } else if (p.length == 5 && p[2].equals("hostedzone") && p[4].equals("rrset")) {
                list(exchange, p[3], query(exchange.getRequestURI().getRawQuery()));
            } else if (p.length == 4 && p[2].equals("hostedzone")) {
                hostedZone(exchange, p[3]);
            } else if (p.length == 4 && p[2].equals("change")) {
                getChange(exchange, p[3]);
            } else {
                error(exchange, 404, "UnknownOperationException", "no such operation: " + exchange.getRequestMethod() + " " + path);
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "InternalFailure", e.toString());
        }
    }

    private synchronized void hostedZone(HttpExchange exchange, String id) throws IOException {
        if (!zones.containsKey(id)) {
            error(exchange, 404, "NoSuchHostedZone", "No hosted zone found with ID: " + id);
            return;
        }
        send(exchange, 200, "<GetHostedZoneResponse xmlns=\"" + NS + "\"><HostedZone><Id>/hostedzone/" + id + "</Id><Name>" + zones.get(id)
                + "</Name><CallerReference>eks2aks-test</CallerReference><Config><PrivateZone>false</PrivateZone></Config>"
                + "<ResourceRecordSetCount>" + records.get(id).size() + "</ResourceRecordSetCount></HostedZone><DelegationSet><NameServers>"
                + "<NameServer>ns-1.awsdns-01.org</NameServer></NameServers></DelegationSet></GetHostedZoneResponse>");
    }

    private synchronized void list(HttpExchange exchange, String zone, Map<String, String> q) throws IOException {
        listCalls.incrementAndGet();
        if (!zones.containsKey(zone)) {
            error(exchange, 404, "NoSuchHostedZone", "No hosted zone found with ID: " + zone);
            return;
        }
        if (q.containsKey("type") && !q.containsKey("name")) {
            error(exchange, 400, "InvalidInput", "The input is not valid: type without name");
            return;
        }
        Comparator<RecordSet> order = Comparator.comparing((RecordSet r) -> reversed(r.name())).thenComparing(RecordSet::type)
                .thenComparing(r -> Objects.toString(r.setId(), ""));
        List<RecordSet> sorted = records.get(zone).stream().sorted(order).toList();
        RecordSet start = new RecordSet(q.getOrDefault("name", ""), q.getOrDefault("type", ""), q.get("identifier"), null, null, List.of(), null, null, null);
        List<RecordSet> from = sorted.stream().filter(r -> order.compare(r, start) >= 0 || !q.containsKey("name")).toList();
        int max = Math.min(pageSize, Integer.parseInt(q.getOrDefault("maxitems", "300")));
        StringBuilder xml = new StringBuilder("<ListResourceRecordSetsResponse xmlns=\"" + NS + "\"><ResourceRecordSets>");
        from.stream().limit(max).forEach(r -> xml.append(toXml(r)));
        xml.append("</ResourceRecordSets><IsTruncated>").append(from.size() > max).append("</IsTruncated>");
        if (from.size() > max) {
            RecordSet next = from.get(max);
            xml.append("<NextRecordName>").append(next.name()).append("</NextRecordName><NextRecordType>").append(next.type()).append("</NextRecordType>");
            if (next.setId() != null) {
                xml.append("<NextRecordIdentifier>").append(esc(next.setId())).append("</NextRecordIdentifier>");
            }
        }
        send(exchange, 200, xml.append("<MaxItems>").append(max).append("</MaxItems></ListResourceRecordSetsResponse>").toString());
    }

    private synchronized void change(HttpExchange exchange, String zone) throws IOException {
        if (!zones.containsKey(zone)) {
            error(exchange, 404, "NoSuchHostedZone", "No hosted zone found with ID: " + zone);
            return;
        }
        Element root = parse(exchange.getRequestBody());
        List<RecordSet> next = new ArrayList<>(records.get(zone));
        List<String> lines = new ArrayList<>();
        NodeList list = root.getElementsByTagName("Change");
        for (int i = 0; i < list.getLength(); i++) {
            Element c = (Element) list.item(i);
            String action = text(c, "Action");
            RecordSet r = fromXml((Element) c.getElementsByTagName("ResourceRecordSet").item(0));
            RecordSet existing = next.stream().filter(x -> x.key().equals(r.key())).findFirst().orElse(null);
            String label = "[name='" + r.name() + "', type='" + r.type() + "'" + (r.setId() == null ? "" : ", set-identifier='" + r.setId() + "'") + "]";
            switch (action) {
                case "CREATE" -> {
                    if (existing != null) {
                        error(exchange, 400, "InvalidChangeBatch", "Tried to create resource record set " + label + " but it already exists");
                        return;
                    }
                    next.add(r);
                }
                case "DELETE" -> {
                    if (existing == null || !existing.equals(r)) {
                        error(exchange, 400, "InvalidChangeBatch", "Tried to delete resource record set " + label + " but "
                                + (existing == null ? "it was not found" : "the values provided do not match the current values"));
                        return;
                    }
                    next.remove(existing);
                }
                case "UPSERT" -> {
                    next.remove(existing);
                    next.add(r);
                }
                default -> {
                    error(exchange, 400, "InvalidInput", "Invalid action " + action);
                    return;
                }
            }
            lines.add(action + " " + r.name() + " " + r.type() + (r.setId() == null ? "" : " [" + r.setId() + "]"));
        }
        for (RecordSet r : next) {
            boolean mixed = next.stream().anyMatch(o -> o.name().equals(r.name()) && o.type().equals(r.type()) && (o.setId() == null) != (r.setId() == null));
            if (mixed) {
                error(exchange, 400, "InvalidChangeBatch", "RRSet with DNS name " + r.name() + ", type " + r.type()
                        + " cannot be created as a non-weighted set exists with the same name and type.");
                return;
            }
            boolean cnameClash = r.type().equals("CNAME") && next.stream().anyMatch(o -> o.name().equals(r.name()) && !o.type().equals("CNAME"));
            if (cnameClash) {
                error(exchange, 400, "InvalidChangeBatch", "RRSet of type CNAME with DNS name " + r.name()
                        + " is not permitted as it conflicts with other records with the same DNS name in zone " + zones.get(zone));
                return;
            }
        }
        records.put(zone, next);
        batches.add(List.copyOf(lines));
        String id = "C" + String.format("%04dEKS2AKS", changeCounter.incrementAndGet());
        changes.put(id, new AtomicInteger());
        send(exchange, 200, "<ChangeResourceRecordSetsResponse xmlns=\"" + NS + "\">" + changeInfo(id, pendingPolls == 0 ? "INSYNC" : "PENDING")
                + "</ChangeResourceRecordSetsResponse>");
    }

    private synchronized void getChange(HttpExchange exchange, String id) throws IOException {
        getChangeCalls.incrementAndGet();
        AtomicInteger polls = changes.get(id);
        if (polls == null) {
            error(exchange, 404, "NoSuchChange", "A change with the specified change ID does not exist: " + id);
            return;
        }
        String status = polls.incrementAndGet() <= pendingPolls ? "PENDING" : "INSYNC";
        send(exchange, 200, "<GetChangeResponse xmlns=\"" + NS + "\">" + changeInfo(id, status) + "</GetChangeResponse>");
    }

    private static String changeInfo(String id, String status) {
        return "<ChangeInfo><Id>/change/" + id + "</Id><Status>" + status + "</Status><SubmittedAt>" + Instant.now()
                + "</SubmittedAt></ChangeInfo>";
    }

    private static String toXml(RecordSet r) {
        StringBuilder x = new StringBuilder("<ResourceRecordSet><Name>").append(esc(r.name())).append("</Name><Type>").append(r.type()).append("</Type>");
        if (r.setId() != null) {
            x.append("<SetIdentifier>").append(esc(r.setId())).append("</SetIdentifier>");
        }
        if (r.weight() != null) {
            x.append("<Weight>").append(r.weight()).append("</Weight>");
        }
        if (r.extra() != null) {
            x.append(r.extra());
        }
        if (r.ttl() != null) {
            x.append("<TTL>").append(r.ttl()).append("</TTL>");
        }
        if (!r.values().isEmpty()) {
            x.append("<ResourceRecords>");
            r.values().forEach(v -> x.append("<ResourceRecord><Value>").append(esc(v)).append("</Value></ResourceRecord>"));
            x.append("</ResourceRecords>");
        }
        if (r.aliasDns() != null) {
            x.append("<AliasTarget><HostedZoneId>").append(r.aliasZone()).append("</HostedZoneId><DNSName>").append(esc(r.aliasDns()))
                    .append("</DNSName><EvaluateTargetHealth>true</EvaluateTargetHealth></AliasTarget>");
        }
        return x.append("</ResourceRecordSet>").toString();
    }

    private static RecordSet fromXml(Element e) {
        List<String> values = new ArrayList<>();
        NodeList v = e.getElementsByTagName("Value");
        for (int i = 0; i < v.getLength(); i++) {
            values.add(v.item(i).getTextContent());
        }
        Element alias = (Element) e.getElementsByTagName("AliasTarget").item(0);
        String weight = text(e, "Weight");
        String ttl = text(e, "TTL");
        return new RecordSet(text(e, "Name"), text(e, "Type"), text(e, "SetIdentifier"), weight == null ? null : Long.valueOf(weight),
                ttl == null ? null : Long.valueOf(ttl), List.copyOf(values), alias == null ? null : text(alias, "HostedZoneId"),
                alias == null ? null : text(alias, "DNSName"), null);
    }

    private static String text(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && child.getTagName().equals(tag)) {
                return child.getTextContent();
            }
        }
        return null;
    }

    private static String reversed(String name) {
        List<String> labels = new ArrayList<>(List.of(name.split("\\.")));
        Collections.reverse(labels);
        return String.join(".", labels);
    }

    private static Element parse(InputStream body) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(body).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML: " + e, e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        send(exchange, status, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + esc(message) + "</Message></Error><RequestId>5e2a0c0e-eks2aks</RequestId></ErrorResponse>");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = ("<?xml version=\"1.0\"?>\n" + body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.getResponseHeaders().add("x-amzn-RequestId", "5e2a0c0e-eks2aks");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
