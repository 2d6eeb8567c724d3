package io.jenkins.plugins.eks2aks.storage.blob;

import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import io.jenkins.plugins.eks2aks.credentials.SecretMask;

/** Turns the Blob service's errors into one line that says what to do; never shows a SAS. */
public final class BlobErrors {

    private BlobErrors() {
    }

    public static String describe(String what, BlobLocation location, String credentialSource, BlobStorageException e) {
        BlobErrorCode code = e.getErrorCode();
        int status = e.getStatusCode();
        if (BlobErrorCode.CONTAINER_NOT_FOUND.equals(code)) {
            return "Container '" + location.container() + "' does not exist in account '" + location.account()
                    + "': create it (az storage container create) or fix the destination URL";
        }
        if (status == 403 || status == 401) {
            String hint = BlobErrorCode.AUTHENTICATION_FAILED.equals(code) && message(e).contains("xpired")
                    ? "the SAS has expired: make a new one" : "check that it is valid, not expired, and allows read, write and list";
            return "Access denied to " + location + " (" + what + ", " + (code == null ? status : code) + ") with "
                    + credentialSource + ": " + hint;
        }
        return "Cannot " + what + " " + location + ": the Blob service answered " + status + (code == null ? "" : " " + code);
    }

    /** The exception's message, masked, on one line. */
    public static String message(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return SecretMask.TOKENS.mask(m.lines().findFirst().orElse(m));
    }

    /** Whether retrying cannot help: authentication, authorisation, a missing container. */
    public static boolean isFatal(BlobStorageException e) {
        return e.getStatusCode() == 401 || e.getStatusCode() == 403 || BlobErrorCode.CONTAINER_NOT_FOUND.equals(e.getErrorCode());
    }
}
