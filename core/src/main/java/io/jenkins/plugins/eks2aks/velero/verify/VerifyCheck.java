package io.jenkins.plugins.eks2aks.velero.verify;

/**
 * One object's check after a restore: a JUnit test case in the report.
 *
 * @param object e.g. {@code Deployment shop/web}
 * @param check  what was checked, e.g. {@code rolled-out}
 * @param status PASS, FAIL or WARN (reported, never failing)
 * @param detail what was found, and what to do when it failed
 */
public record VerifyCheck(String object, String check, Status status, String detail) {

    public enum Status { PASS, FAIL, WARN }

    static VerifyCheck pass(String object, String check, String detail) {
        return new VerifyCheck(object, check, Status.PASS, detail);
    }

    static VerifyCheck fail(String object, String check, String detail) {
        return new VerifyCheck(object, check, Status.FAIL, detail);
    }

    static VerifyCheck warn(String object, String check, String detail) {
        return new VerifyCheck(object, check, Status.WARN, detail);
    }
}
