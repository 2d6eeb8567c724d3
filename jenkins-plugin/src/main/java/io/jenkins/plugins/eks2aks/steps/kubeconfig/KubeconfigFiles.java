package io.jenkins.plugins.eks2aks.steps.kubeconfig;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.eks2aks.kubeconfig.Kubeconfig;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Writes a binding's kubeconfig beside the workspace (its {@code @tmp} folder, where credentials-binding writes its
 * files too, never inside the workspace where an archive step could pick it up), readable by the build's user
 * only, and deletes it when the {@code withCredentials} block ends. Its token, and any other secret it holds, are
 * bound as secret variables, so {@code withCredentials} masks them in the log.
 */
final class KubeconfigFiles {

    static final String FOLDER = "eks2aks-kubeconfig";

    private KubeconfigFiles() {
    }

    /**
     * @param tmp           the workspace's temporary folder ({@link WorkspaceList#tempDir})
     * @param variable      the variable that names the file, e.g. {@code KUBECONFIG}
     * @param tokenVariable the variable that holds the token; further secrets go to {@code <tokenVariable>_2}…
     */
    static MultiBinding.MultiEnvironment bind(FilePath tmp, Kubeconfig kubeconfig, String variable, String tokenVariable)
            throws IOException, InterruptedException {
        return bind(tmp, kubeconfig, variable, tokenVariable, null);
    }

    /** How a binding's token is kept fresh: a new one every period, made on the controller. */
    record Renewal(Callable<String> newToken, Duration period, TaskListener log, String build) {
    }

    /**
     * As {@link #bind(FilePath, Kubeconfig, String, String)}; with a renewal the token also goes to a file of its own
     * that the kubeconfig names ({@code tokenFile}), and both are renewed until the block ends.
     */
    static MultiBinding.MultiEnvironment bind(FilePath tmp, Kubeconfig kubeconfig, String variable, String tokenVariable, Renewal renewal)
            throws IOException, InterruptedException {
        String name = UUID.randomUUID().toString();
        FilePath dir = tmp.child(FOLDER).child(name);
        dir.mkdirs();
        dir.chmod(0700);
        FilePath file = dir.child(TokenRenewals.CONFIG);
        if (renewal != null && kubeconfig.token() != null) {
            FilePath token = dir.child(TokenRenewals.TOKEN);
            token.write(kubeconfig.token(), "UTF-8");
            token.chmod(0600);
            String tokenPath = token.getRemote();
            file.write(kubeconfig.yamlWithTokenFile(kubeconfig.token(), tokenPath), "UTF-8");
            TokenRenewals.start(name, renewal.build(), dir, renewal.newToken(), fresh -> kubeconfig.yamlWithTokenFile(fresh, tokenPath), renewal.period(),
                    renewal.log());
        } else {
            file.write(kubeconfig.yaml(), "UTF-8");
        }
        file.chmod(0600);
        Map<String, String> secrets = new LinkedHashMap<>();
        int n = 1;
        if (kubeconfig.token() != null) {
            secrets.put(tokenVariable, kubeconfig.token());
        }
        for (String secret : kubeconfig.secrets()) {
            if (!secret.equals(kubeconfig.token())) {
                secrets.put(tokenVariable + "_" + (++n), secret);
            }
        }
        return new MultiBinding.MultiEnvironment(secrets, Map.of(variable, file.getRemote()), new Delete(name));
    }

    /** Deletes the kubeconfig's folder; it persists only the folder's name, as credentials-binding's unbinders do. */
    static final class Delete implements MultiBinding.Unbinder {

        private static final long serialVersionUID = 1L;
        private final String name;

        Delete(String name) {
            this.name = name;
        }

        @Override
        public void unbind(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
                throws IOException, InterruptedException {
            if (workspace != null) {
                delete(WorkspaceList.tempDir(workspace));
            }
        }

        void delete(FilePath tmp) throws IOException, InterruptedException {
            TokenRenewals.stop(name);
            if (tmp != null) {
                tmp.child(FOLDER).child(name).deleteRecursive();
            }
        }
    }
}
