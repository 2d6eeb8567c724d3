package io.jenkins.plugins.eks2aks.standins;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.netty.handler.ssl.SslContextBuilder;
import io.vertx.core.net.SelfSignedCertificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * HTTPS on loopback for the Azure stand-ins (azure-core sends bearer tokens and MSAL sends secrets only over HTTPS): a
 * self-signed certificate for {@code localhost}, a server using it, and an Azure HTTP client trusting it alone.
 */
final class LocalTls implements AutoCloseable {

    private final SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");

    /** A started-later HTTPS server on a free loopback port. */
    HttpsServer server() {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(sslContext()));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Azure HTTP client that trusts this certificate (and nothing else). */
    HttpClient httpClient() {
        try {
            var ssl = SslContextBuilder.forClient().trustManager(new File(certificate.certificatePath())).build();
            return new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create().secure(s -> s.sslContext(ssl))).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SSLContext sslContext() {
        try {
            String pem = Files.readString(Path.of(certificate.privateKeyPath()));
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Files.readAllBytes(Path.of(certificate.certificatePath()))));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("standin", key, new char[0], new Certificate[] {cert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, new char[0]);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the stand-in's TLS", e);
        }
    }

    @Override
    public void close() {
        certificate.delete();
    }
}
