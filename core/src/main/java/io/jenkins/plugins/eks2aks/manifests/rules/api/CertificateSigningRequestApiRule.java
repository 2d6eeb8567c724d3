package io.jenkins.plugins.eks2aks.manifests.rules.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jenkins.plugins.eks2aks.kubernetes.ApiRemovals;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;

/**
 * API14: CertificateSigningRequest {@code certificates.k8s.io/v1beta1} → {@code v1}, which requires
 * {@code signerName} and {@code usages}. v1beta1's default usages are written out; its default signer
 * ({@code kubernetes.io/legacy-unknown}) cannot be requested on v1, so the signer is a decision.
 */
public final class CertificateSigningRequestApiRule extends RemovedApiRule {

    public static final String ID = "API14";

    public CertificateSigningRequestApiRule(RuleContext context) {
        super(ID, context);
    }

    @Override
    boolean handles(KubeObject object) {
        return "CertificateSigningRequest".equals(object.kind());
    }

    @Override
    List<Change> convert(KubeObject csr, ApiRemovals.Removal removal) {
        List<Change> out = new ArrayList<>();
        out.add(apiVersion(csr, removal, "certificates.k8s.io/v1", RuleMode.AUTO, "signerName and usages are required"));
        if (!csr.at("/spec/usages").isArray()) {
            out.add(changes(csr).put("/spec", "usages", JsonNodeFactory.instance.arrayNode().add("digital signature")
                    .add("key encipherment"), RuleMode.AUTO_WARN, "required on v1; the v1beta1 default is written" + source()));
        }
        String signer = csr.at("/spec/signerName").asText("");
        if (signer.isEmpty() || "kubernetes.io/legacy-unknown".equals(signer)) {
            out.add(changes(csr).decision("/spec/signerName", "v1 requires a signer other than kubernetes.io/legacy-unknown "
                    + "(the v1beta1 default): choose kubernetes.io/kube-apiserver-client, "
                    + "kubernetes.io/kube-apiserver-client-kubelet or kubernetes.io/kubelet-serving in the source, or "
                    + "re-issue the certificate on AKS" + source()));
        }
        return out;
    }
}
