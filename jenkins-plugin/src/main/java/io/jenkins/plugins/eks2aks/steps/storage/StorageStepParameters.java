package io.jenkins.plugins.eks2aks.steps.storage;

import hudson.AbortException;
import io.jenkins.plugins.eks2aks.storage.source.S3Location;

import java.nio.file.Path;

/** What the storage steps check on the controller, and how a workspace-relative folder source is read on the agent. */
final class StorageStepParameters {

    private StorageStepParameters() {
    }

    static void require(String step, String source, String destination) throws AbortException {
        if (source.isEmpty()) {
            throw new AbortException(step + ": 'source' is required: s3://BUCKET[/PREFIX] or a folder in the workspace");
        }
        if (destination.isEmpty()) {
            throw new AbortException(step + ": 'destination' is required: https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX]");
        }
    }

    /** An S3 URL as given; a folder resolved against the workspace. */
    static String source(String source, Path workspace) {
        return S3Location.isS3(source) ? source : workspace.resolve(source).toString();
    }
}
