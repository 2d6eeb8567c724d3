package io.jenkins.plugins.eks2aks.steps.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.model.Run;

/**
 * Finds a credential by id for a build and records its use. The real lookup is Jenkins'
 * {@link CredentialsProvider#findCredentialById} (folder and global stores, the build's authentication, credentials
 * parameters) plus {@link CredentialsProvider#track}; tests supply their own.
 */
@FunctionalInterface
public interface CredentialsLookup {

    /** The credential with this id and type visible to {@code run}, or null. */
    <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> run);

    /** Jenkins' credentials store, tracking every credential it hands out against the build. */
    CredentialsLookup JENKINS = new CredentialsLookup() {
        @Override
        public <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> run) {
            return CredentialsProvider.track(run, CredentialsProvider.findCredentialById(id, type, run));
        }
    };
}
