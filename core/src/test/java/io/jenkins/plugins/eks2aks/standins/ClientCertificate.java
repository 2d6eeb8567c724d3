package io.jenkins.plugins.eks2aks.standins;

import io.vertx.core.net.SelfSignedCertificate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** A service principal's certificate as a test makes one: self-signed, with its key, as PKCS#12 bytes and as X.509. */
public record ClientCertificate(X509Certificate certificate, byte[] pkcs12, String password) {

    public static ClientCertificate create(String subject, String password) {
        SelfSignedCertificate pem = SelfSignedCertificate.create(subject);
        try {
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(Path.of(pem.privateKeyPath())).replaceAll("-----[A-Z ]+-----", ""));
            var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Files.readAllBytes(Path.of(pem.certificatePath()))));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("sp", key, password.toCharArray(), new Certificate[] {cert});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            return new ClientCertificate(cert, out.toByteArray(), password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a client certificate", e);
        } finally {
            pem.delete();
        }
    }
}
