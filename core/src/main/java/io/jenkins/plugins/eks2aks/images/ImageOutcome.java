package io.jenkins.plugins.eks2aks.images;

/**
 * How one image's migration ended.
 *
 * @param status the outcome
 * @param mode   the mode that moved it ({@code copy} also for an import that fell back to copy)
 * @param note   something a reader should know (a fallback, a limit), or null
 * @param error  one line, or null
 */
public record ImageOutcome(ImageStatus status, String mode, String note, String error) {

    /** Moved (or planned, or found unchanged) by {@code mode}, with an optional note. */
    public static ImageOutcome of(ImageStatus status, String mode, String note) {
        return new ImageOutcome(status, mode, note, null);
    }

    public static ImageOutcome failed(String mode, String error) {
        return new ImageOutcome(ImageStatus.FAILED, mode, null, error);
    }
}
