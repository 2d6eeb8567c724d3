package io.jenkins.plugins.eks2aks.preflight;

/**
 * One readiness check.
 *
 * @param id     stable identifier, e.g. {@code workload-identity} or {@code storage-class/managed-csi-premium}
 * @param title  what is checked, as a sentence
 * @param status the outcome
 * @param detail what was found
 * @param fix    the command or step that makes it pass; empty when it passed
 */
public record PreflightCheck(String id, String title, CheckStatus status, String detail, String fix) {

    static PreflightCheck pass(String id, String title, String detail) {
        return new PreflightCheck(id, title, CheckStatus.PASS, detail, "");
    }

    static PreflightCheck fail(String id, String title, String detail, String fix) {
        return new PreflightCheck(id, title, CheckStatus.FAIL, detail, fix);
    }

    static PreflightCheck notChecked(String id, String title, String detail, String fix) {
        return new PreflightCheck(id, title, CheckStatus.NOT_CHECKED, detail, fix);
    }
}
