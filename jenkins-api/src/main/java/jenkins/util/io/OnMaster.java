// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package jenkins.util.io;

public interface OnMaster {
}
