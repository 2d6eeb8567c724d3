package io.jenkins.plugins.eks2aks.steps.kubeconfig;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.LogTaskListener;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.kubeconfig.EksKubeconfig;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.MaskingListener;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How an {@code eksKubeconfig} binding makes its tokens, kept with the binding's unbinder so that renewing survives a
 * controller restart: the unbinder is saved with the Pipeline program while the block runs, and read back when the
 * build resumes ({@link KubeconfigFiles.Delete}). Names and ids only, never a token or a key: the build, the
 * credentials id, the cluster, its region and the AWS settings (region, endpoints) read from the build's environment.
 * The credential is resolved again for every token, as it is while the block runs.
 */
final class EksTokenRenewal implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(EksTokenRenewal.class.getName());

    /** Where a resumed renewal finds the build and its credentials; tests give their own. */
    interface Lookup {
        Run<?, ?> run(String build) throws IOException;

        StepCredentials credentials();
    }

    static final Lookup JENKINS = new Lookup() {
        @Override
        public Run<?, ?> run(String build) throws IOException {
            Run<?, ?> run = Run.fromExternalizableId(build);
            if (run == null) {
                throw new IOException("the build " + build + " is gone");
            }
            return run;
        }

        @Override
        public StepCredentials credentials() {
            return StepCredentials.jenkins();
        }
    };

    private final String build;
    private final String credentialsId;
    private final String cluster;
    private final String region;
    private final HashMap<String, String> settings;
    private final long periodMillis;

    /**
     * @param build    the build's externalizable id ({@code job#number}); null when unknown (then nothing resumes)
     * @param settings AWS settings from the build's environment (region and endpoints), never keys
     */
    EksTokenRenewal(String build, String credentialsId, String cluster, String region, Map<String, String> settings, Duration period) {
        this.build = build;
        this.credentialsId = credentialsId;
        this.cluster = cluster;
        this.region = region;
        this.settings = new HashMap<>(settings);
        this.periodMillis = period.toMillis();
    }

    String build() {
        return build;
    }

    Duration period() {
        return Duration.ofMillis(periodMillis);
    }

    /** Makes a new token on the controller, with the credential resolved again each time. */
    Callable<String> tokens(Run<?, ?> run, EnvVars env, StepCredentials store) {
        return () -> {
            // Resolved again each time: a role's session credentials expire long before a long block ends.
            AwsKeys fresh = store.aws("eksKubeconfig", credentialsId, run, env);
            AwsSettings aws = AwsSettings.resolve(settings, region, null, fresh == null ? null : fresh.toEngine(),
                    EksKubeconfigBinding.REGION);
            return EksKubeconfig.token(aws, cluster, Clock.systemUTC()).value();
        };
    }

    /**
     * Renews again after a restart, at once (the last token may have expired while the controller was down), then
     * every period until the block's unbinder stops it. The build is looked up when the first token is made, on the
     * renewal thread, not while the program is being read.
     *
     * @param name the binding's folder name
     * @param dir  the binding's folder
     */
    void resume(String name, FilePath dir, Lookup lookup) {
        if (build == null || TokenRenewals.running(name)) {
            return;
        }
        // No step log to write to: a failed renewal is a line of the controller's log (masked) that names the build.
        TaskListener log = MaskingListener.over(new LogTaskListener(LOGGER, Level.WARNING), new ArrayList<>());
        Callable<String> newToken = () -> {
            try {
                Run<?, ?> run = lookup.run(build);
                return tokens(run, run.getEnvironment(log), lookup.credentials()).call();
            } catch (Exception e) {
                throw new IOException("eks2aks: " + build + ": " + e.getMessage(), e);
            }
        };
        TokenRenewals.start(name, build, dir, newToken, Duration.ZERO, period(), log);
        LOGGER.log(Level.INFO, "eks2aks: renewing the EKS token of an eksKubeconfig block of {0} again after a restart", build);
    }
}
