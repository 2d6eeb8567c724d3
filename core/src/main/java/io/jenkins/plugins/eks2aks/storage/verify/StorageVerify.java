package io.jenkins.plugins.eks2aks.storage.verify;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.credentials.SecretMask;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.files.OutputFolder;
import io.jenkins.plugins.eks2aks.storage.Bytes;
import io.jenkins.plugins.eks2aks.storage.blob.BlobDestination;
import io.jenkins.plugins.eks2aks.storage.blob.BlobErrors;
import io.jenkins.plugins.eks2aks.storage.blob.ExistingBlob;
import io.jenkins.plugins.eks2aks.storage.source.SourceObject;
import io.jenkins.plugins.eks2aks.storage.source.StorageSource;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The gate before a restore, shared by {@code eks2aks verify-storage} and the {@code verifyStorage} step: every source
 * object present in the destination with the same size; the same content where both sides carry a comparable hash (a
 * single-part ETag is the MD5 the blob's Content-MD5 must equal) and, where not, a SHA-256 of both sides for a sample;
 * nothing extra in the destination; with a Velero backup name, the files its restore reads.
 */
public final class StorageVerify {

    public static final String TOPIC = "verify-storage";

    private final EventSink events;
    private final SecretMask masking;

    public StorageVerify(EventSink events, SecretMask masking) {
        this.events = events;
        this.masking = masking;
    }

    public VerifySummary run(VerifyRequest request, StorageSource source, BlobDestination destination) throws InterruptedException {
        if (request.output() != null) {
            OutputFolder.checkReplaceable(request.output(), request.force());
        }
        long start = System.nanoTime();
        events.info(TOPIC, "comparing " + source.describe() + " with " + destination.location());
        Map<String, ExistingBlob> blobs = destination.list();
        List<Finding> findings = new ArrayList<>();
        Map<String, String> passed = new LinkedHashMap<>();
        List<SourceObject> reread = new ArrayList<>();
        Map<String, SourceObject> seen = new LinkedHashMap<>();
        long[] counts = new long[3]; // bytes, md5, size only
        source.list(o -> {
            seen.put(o.name(), o);
            counts[0] += o.size();
            ExistingBlob blob = blobs.get(o.name());
            if (blob == null) {
                findings.add(new Finding(o.name(), Finding.Kind.MISSING, "not in the destination (" + Bytes.human(o.size()) + " in the source)"));
            } else if (blob.size() != o.size()) {
                findings.add(new Finding(o.name(), blob.size() < o.size() ? Finding.Kind.TRUNCATED : Finding.Kind.DIFFERENT,
                        blob.size() + " bytes in the destination, " + o.size() + " in the source"));
            } else if (o.md5Hex() != null && blob.contentMd5() != null) {
                if (o.md5Hex().equals(blob.contentMd5())) {
                    counts[1]++;
                    passed.put(o.name(), "MD5 " + o.md5Hex());
                } else {
                    findings.add(new Finding(o.name(), Finding.Kind.DIFFERENT, "content differs: MD5 " + blob.contentMd5()
                            + " in the destination, " + o.md5Hex() + " in the source"));
                }
            } else if (sampled(o.name(), request.sampleRate())) {
                reread.add(o);
            } else {
                counts[2]++;
                passed.put(o.name(), "size " + o.size() + " (not sampled)");
            }
        });
        for (String name : blobs.keySet()) {
            if (!seen.containsKey(name)) {
                findings.add(new Finding(name, Finding.Kind.EXTRA, "in the destination but not in the source"));
            }
        }
        if (!reread.isEmpty()) {
            events.info(TOPIC, "re-reading " + reread.size() + " objects on both sides (no comparable hash)");
            rereadAll(request.parallel(), source, destination, reread, findings, passed);
        }
        if (request.veleroBackup() != null) {
            findings.addAll(new VeleroLayout(request.veleroBackup()).check(seen.keySet(), blobs.keySet()));
        }
        findings.sort((a, b) -> a.kind() != b.kind() ? a.kind().compareTo(b.kind()) : a.name().compareTo(b.name()));
        long byReread = reread.size() - findings.stream().filter(f -> reread.stream().anyMatch(o -> o.name().equals(f.name()))).count();
        VerifySummary summary = new VerifySummary(source.describe(), destination.location().toString(), seen.size(), counts[0],
                counts[1], byReread, counts[2], findings, (System.nanoTime() - start) / 1e9);
        for (Finding f : findings) {
            events.warn(TOPIC, f.oneLine());
        }
        events.info(TOPIC, summary.oneLine());
        if (request.output() != null) {
            new VerifyReports().write(summary, passed, request.output(), request.force());
            events.info(TOPIC, "reports in " + request.output().toAbsolutePath().normalize());
        }
        return summary;
    }

    /** A stable sample: the same names are chosen on every run, so a re-run checks what the first one did. */
    static boolean sampled(String name, double rate) {
        return rate >= 1.0 || (name.hashCode() & 0x7fffffff) / (double) Integer.MAX_VALUE < rate;
    }

    private void rereadAll(int parallel, StorageSource source, BlobDestination destination, List<SourceObject> objects,
                           List<Finding> findings, Map<String, String> passed) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, objects.size()));
        List<Finding> found = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> ok = Collections.synchronizedMap(new LinkedHashMap<>());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SourceObject o : objects) {
                futures.add(pool.submit(() -> {
                    String theirs;
                    try (InputStream in = source.open(o)) {
                        theirs = sha256(in);
                    } catch (IOException e) {
                        throw new MigrationException(masking.mask("Cannot re-read " + o.name() + " from the source: " + e.getMessage()), e);
                    }
                    String ours;
                    try (InputStream in = destination.blob(o.name()).openInputStream()) {
                        ours = sha256(in);
                    } catch (IOException | RuntimeException e) {
                        throw new MigrationException(masking.mask("Cannot re-read " + o.name() + " from the destination: "
                                + BlobErrors.message(e)), e);
                    }
                    if (theirs.equals(ours)) {
                        ok.put(o.name(), "SHA-256 " + ours);
                    } else {
                        found.add(new Finding(o.name(), Finding.Kind.DIFFERENT, "content differs: SHA-256 " + ours
                                + " in the destination, " + theirs + " in the source"));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MigrationException m) {
                throw m;
            }
            throw new IllegalStateException("a re-read failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        findings.addAll(found);
        passed.putAll(ok);
    }

    private static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
