package io.jenkins.plugins.eks2aks.storage.azcopy;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.credentials.AwsCredentials;
import io.jenkins.plugins.eks2aks.storage.StorageAccess;
import io.jenkins.plugins.eks2aks.storage.StorageSyncRequest;
import io.jenkins.plugins.eks2aks.storage.blob.BlobLocation;
import io.jenkins.plugins.eks2aks.storage.source.S3Location;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One AzCopy command line and its environment: the arguments carry no AWS key (they go into the environment only);
 * the SAS is in the destination URL, as AzCopy takes it, and every line shown to people is masked.
 *
 * @param command     the command line
 * @param environment the child's environment
 * @param sas         the destination SAS, for {@code jobs resume}
 * @param binary      the executable
 */
record AzCopyInvocation(List<String> command, Map<String, String> environment, String sas, AzCopyBinary binary) {

    static AzCopyInvocation of(AzCopyBinary binary, StorageSyncRequest request, StorageAccess access, Map<String, String> env) {
        BlobLocation destination = access.destination();
        String target = destination.containerUrl() + (destination.prefix().isEmpty() ? "" : "/" + destination.prefix()) + "?" + destination.sas();
        List<String> command = new ArrayList<>();
        command.add(binary.path().toString());
        Map<String, String> environment = new HashMap<>(env);
        // Credentials the child must not pick up from the caller: only those we set below count.
        environment.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("AZCOPY_AUTO_LOGIN") || k.startsWith("AZCOPY_SPA"));
        if (request.folder() != null) {
            command.addAll(List.of("sync", request.folder().toString(), target, "--recursive", "--from-to", "LocalBlob"));
        } else {
            S3Location s3 = request.s3Source();
            AwsCredentials keys = access.aws();
            if (keys == null) {
                throw new MigrationException("The azcopy engine needs AWS keys (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or a Jenkins "
                        + "AWS credential): AzCopy cannot use profiles or roles; use the java engine for those");
            }
            if (env.get("AWS_ENDPOINT_URL_S3") != null || env.get("AWS_ENDPOINT_URL") != null) {
                throw new MigrationException("The azcopy engine reads only AWS's own S3 host names, not AWS_ENDPOINT_URL_S3/"
                        + "AWS_ENDPOINT_URL: use the java engine for another endpoint");
            }
            environment.put("AWS_ACCESS_KEY_ID", keys.accessKeyId());
            environment.put("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey());
            if (keys.sessionToken() != null) {
                environment.put("AWS_SESSION_TOKEN", keys.sessionToken());
            }
            command.addAll(List.of("copy", "https://s3.amazonaws.com/" + s3.bucket() + "/" + s3.prefix() + "*", target,
                    "--recursive", "--overwrite=ifSourceNewer", "--from-to", "S3Blob"));
        }
        command.addAll(List.of("--output-type", "json"));
        if (request.dryRun()) {
            command.add("--dry-run");
        }
        return new AzCopyInvocation(List.copyOf(command), Map.copyOf(environment), destination.sas(), binary);
    }

    AzCopyJobResult run(AzCopyOutput output) throws InterruptedException {
        return execute(command, output);
    }

    AzCopyJobResult resume(String jobId, AzCopyOutput output) throws InterruptedException {
        return execute(List.of(binary.path().toString(), "jobs", "resume", jobId, "--destination-sas", sas, "--output-type", "json"), output);
    }

    private AzCopyJobResult execute(List<String> args, AzCopyOutput output) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(args).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new MigrationException("Cannot start AzCopy '" + binary.path() + "': " + e.getMessage(), e);
        }
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(process.getErrorStream(), stderr), "azcopy-stderr");
        drain.setDaemon(true);
        drain.start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("azcopy interrupted");
                }
                output.accept(line);
            }
            int exit = process.waitFor();
            drain.join(5000);
            for (String line : stderr.toString(StandardCharsets.UTF_8).split("\n")) {
                output.accept(line);
            }
            return output.result(exit);
        } catch (IOException e) {
            throw new MigrationException("Cannot read AzCopy's output: " + e.getMessage(), e);
        } finally {
            // Interrupted or failed: AzCopy keeps its job plan, so the next run (or jobs resume) continues it.
            if (process.isAlive()) {
                process.destroy();
            }
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // the process ended; what was read is kept
        }
    }
}
