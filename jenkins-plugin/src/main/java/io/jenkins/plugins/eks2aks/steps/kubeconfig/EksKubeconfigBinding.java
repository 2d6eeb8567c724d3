package io.jenkins.plugins.eks2aks.steps.kubeconfig;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.kubeconfig.EksKubeconfig;
import io.jenkins.plugins.eks2aks.kubeconfig.Kubeconfig;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.MaskingListener;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.BindingDescriptor;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code withCredentials([eksKubeconfig(credentialsId: 'aws-prod', cluster: 'shop-prod', region: 'us-east-1')]) { sh 'kubectl …' }}:
 * a kubeconfig for the EKS cluster with a fresh EKS token, made on the controller with the AWS credential (or, without
 * an id, the build's {@code AWS_*} variables), deleted when the block ends. The token lasts 14 minutes, so it sits in a
 * file the kubeconfig names ({@code tokenFile}) and is renewed on the controller every few minutes while the block
 * runs; kubectl, velero and helm read it again as they go. The first token is masked in the log as a bound secret,
 * the renewed ones by their shape ({@link EksTokenMasking}).
 */
public final class EksKubeconfigBinding extends MultiBinding<StandardCredentials> {

    static final String[] AWS_SETTINGS = {"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_EKS",
            "AWS_ENDPOINT_URL_STS"};
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How this binding names its region parameter in the engine's messages. */
    static final String REGION = "'region'";

    private final String cluster;
    private final String region;
    private String variable = "KUBECONFIG";
    private String tokenVariable = "KUBE_TOKEN";
    private transient StepCredentials credentials;
    /** How often the token is renewed while the block runs; tests shorten it. */
    transient Duration renewal = TokenRenewals.PERIOD;

    @DataBoundConstructor
    public EksKubeconfigBinding(String credentialsId, String cluster, String region) {
        super(Util.fixEmptyAndTrim(credentialsId));
        this.cluster = Util.fixEmptyAndTrim(cluster);
        this.region = Util.fixEmptyAndTrim(region);
    }

    public String getCluster() {
        return cluster;
    }

    public String getRegion() {
        return region;
    }

    public String getVariable() {
        return variable;
    }

    @DataBoundSetter
    public void setVariable(String variable) {
        this.variable = Util.fixEmptyAndTrim(variable) == null ? "KUBECONFIG" : variable.trim();
    }

    public String getTokenVariable() {
        return tokenVariable;
    }

    @DataBoundSetter
    public void setTokenVariable(String tokenVariable) {
        this.tokenVariable = Util.fixEmptyAndTrim(tokenVariable) == null ? "KUBE_TOKEN" : tokenVariable.trim();
    }

    /** Tests resolve credentials from their own store. */
    EksKubeconfigBinding withCredentials(StepCredentials credentials) {
        this.credentials = credentials;
        return this;
    }

    @Override
    protected Class<StandardCredentials> type() {
        return StandardCredentials.class;
    }

    @Override
    public Set<String> variables() {
        return Set.of(tokenVariable);
    }

    @Override
    public MultiEnvironment bind(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        if (cluster == null) {
            throw new AbortException("eksKubeconfig: 'cluster' is required: the EKS cluster name");
        }
        if (workspace == null) {
            throw new AbortException("eksKubeconfig: needs a workspace (use it inside node { })");
        }
        EnvVars env = build.getEnvironment(listener);
        AwsKeys keys = (credentials == null ? StepCredentials.jenkins() : credentials).aws("eksKubeconfig", getCredentialsId(), build, env);
        MaskingListener masked = MaskingListener.over(listener, keys, null);
        Map<String, String> settings = new HashMap<>();
        for (String name : AWS_SETTINGS) {
            if (env.get(name) != null) {
                settings.put(name, env.get(name));
            }
        }
        Kubeconfig kubeconfig;
        try {
            AwsSettings aws = AwsSettings.resolve(settings, region, null, keys == null ? null : keys.toEngine(), REGION);
            kubeconfig = EksKubeconfig.create(aws, cluster, TIMEOUT, Clock.systemUTC(), new BuildLogEvents(masked));
        } catch (MigrationException e) {
            throw masked.masked(new AbortException("eksKubeconfig: " + e.getMessage()));
        }
        StepCredentials store = credentials == null ? StepCredentials.jenkins() : credentials;
        EksTokenRenewal plan = new EksTokenRenewal(build.getExternalizableId(), getCredentialsId(), cluster, region, settings,
                renewal == null ? TokenRenewals.PERIOD : renewal);
        return KubeconfigFiles.bind(WorkspaceList.tempDir(workspace), kubeconfig, variable, tokenVariable,
                new KubeconfigFiles.Renewal(plan, plan.tokens(build, env, store), masked));
    }

    @Symbol("eksKubeconfig")
    @Extension
    public static class DescriptorImpl extends BindingDescriptor<StandardCredentials> {

        @Override
        protected Class<StandardCredentials> type() {
            return StandardCredentials.class;
        }

        @Override
        public String getDisplayName() {
            return "Kubeconfig of an Amazon EKS cluster (eks2aks)";
        }
    }
}
