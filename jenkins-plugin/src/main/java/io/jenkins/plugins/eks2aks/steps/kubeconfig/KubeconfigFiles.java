package io.jenkins.plugins.eks2aks.steps.kubeconfig;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.eks2aks.kubeconfig.Kubeconfig;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;

import java.io.IOException;
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

    /**
     * How a binding's token is kept fresh: a new one every period, made on the controller ({@code newToken}), and
     * what starts that again after a restart ({@code plan}, kept by the unbinder).
     */
    record Renewal(EksTokenRenewal plan, Callable<String> newToken, TaskListener log) {
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
            TokenRenewals.start(name, renewal.plan().build(), dir, renewal.newToken(), renewal.plan().period(), renewal.plan().period(),
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
        return new MultiBinding.MultiEnvironment(secrets, Map.of(variable, file.getRemote()),
                renewal == null ? new Delete(name) : new Delete(name, dir, renewal.plan()));
    }

    /**
     * Deletes the kubeconfig's folder; it persists the folder's name, as credentials-binding's unbinders do, and for
     * a renewing binding the folder and its renewal plan (no token), so that the renewals start again when the
     * Pipeline program is read back after a controller restart.
     */
    static final class Delete implements MultiBinding.Unbinder {

        private static final long serialVersionUID = 1L;
        private final String name;
        /** The binding's folder; saved with the program as its agent's name and the path, live again once the agent is back. */
        private final FilePath dir;
        private final EksTokenRenewal renewal;

        Delete(String name) {
            this(name, null, null);
        }

        Delete(String name, FilePath dir, EksTokenRenewal renewal) {
            this.name = name;
            this.dir = dir;
            this.renewal = renewal;
        }

        /** Read back with the program of a resumed build, whose block still runs: renew again. */
        private Object readResolve() {
            resume(EksTokenRenewal.JENKINS);
            return this;
        }

        void resume(EksTokenRenewal.Lookup lookup) {
            if (renewal != null && dir != null) {
                renewal.resume(name, dir, lookup);
            }
        }

        @Override
        public void unbind(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
                throws IOException, InterruptedException {
            if (workspace != null) {
                delete(WorkspaceList.tempDir(workspace));
            } else {
                TokenRenewals.stop(name);
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
