package io.github.mailports.runtime;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Certificates made when the tests run, so nothing secret is committed: a test CA, and three server
 * identities. EC P-256 keys (fast to generate), SHA256withECDSA signatures, valid from an hour ago for a day.
 * <ul>
 *   <li>{@link Identity#LOCALHOST}: issued by the test CA for {@code localhost} and {@code 127.0.0.1};</li>
 *   <li>{@link Identity#OTHER_HOST}: issued by the same CA, but for {@code other.example} only;</li>
 *   <li>{@link Identity#SELF_SIGNED}: for {@code localhost} and {@code 127.0.0.1}, signed by its own key
 *       (what an attacker can make in a second).</li>
 * </ul>
 * No JVM-wide setting is changed: a test that needs the CA trusted gets an {@link SSLSocketFactory} that
 * trusts it ({@link #trustingTestCa()}) and hands it to the session, standing in for a JVM trust store
 * that holds a public CA.
 */
final class TestPki {
    enum Identity { LOCALHOST, OTHER_HOST, SELF_SIGNED }

    static final char[] PASSWORD = "test-only".toCharArray();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static volatile TestPki instance;

    private final X509Certificate ca;
    private final Map<Identity, PrivateKey> keys = new EnumMap<>(Identity.class);
    private final Map<Identity, X509Certificate[]> chains = new EnumMap<>(Identity.class);

    private TestPki() throws GeneralSecurityException, IOException {
        KeyPair caKeys = keyPair();
        X500Name caName = new X500Name("CN=mailports runtime-truth test CA");
        ca = sign(caName, caName, caKeys.getPublic(), caKeys.getPrivate(), null, true);

        KeyPair local = keyPair();
        keys.put(Identity.LOCALHOST, local.getPrivate());
        chains.put(Identity.LOCALHOST, new X509Certificate[] {
                sign(caName, new X500Name("CN=localhost"), local.getPublic(), caKeys.getPrivate(), sans(true, "localhost"), false), ca});

        KeyPair other = keyPair();
        keys.put(Identity.OTHER_HOST, other.getPrivate());
        chains.put(Identity.OTHER_HOST, new X509Certificate[] {
                sign(caName, new X500Name("CN=other.example"), other.getPublic(), caKeys.getPrivate(), sans(false, "other.example"), false), ca});

        KeyPair self = keyPair();
        X500Name selfName = new X500Name("CN=localhost, O=self-signed");
        keys.put(Identity.SELF_SIGNED, self.getPrivate());
        chains.put(Identity.SELF_SIGNED, new X509Certificate[] {
                sign(selfName, selfName, self.getPublic(), self.getPrivate(), sans(true, "localhost"), false)});
    }

    static TestPki get() {
        TestPki p = instance;
        if (p == null) {
            synchronized (TestPki.class) {
                p = instance;
                if (p == null) {
                    try {
                        p = new TestPki();
                    } catch (GeneralSecurityException | IOException e) {
                        throw new IllegalStateException("cannot make the test certificates", e);
                    }
                    instance = p;
                }
            }
        }
        return p;
    }

    X509Certificate ca() { return ca; }

    X509Certificate certificate(Identity id) { return chains.get(id)[0]; }

    /** A key store holding one identity's key and chain, alias {@code server}, password {@link #PASSWORD}. */
    KeyStore keyStore(Identity id) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", keys.get(id), PASSWORD, chains.get(id));
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@link #keyStore} to a PKCS12 file (for GreenMail, which reads a key store file). */
    void writeKeyStore(Identity id, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            keyStore(id).store(out, PASSWORD);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** A server-side TLS context presenting this identity. */
    SSLContext serverContext(Identity id) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore(id), PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client socket factory that trusts the test CA only: stands in for a trust store holding a public CA. */
    SSLSocketFactory trustingTestCa() {
        try {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("test-ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static GeneralNames sans(boolean loopbackIp, String dns) {
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, dns));
        if (loopbackIp) names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        return new GeneralNames(names.toArray(new GeneralName[0]));
    }

    private static X509Certificate sign(X500Name issuer, X500Name subject, java.security.PublicKey key, PrivateKey signer,
                                        GeneralNames sans, boolean isCa) throws GeneralSecurityException, IOException {
        long now = System.currentTimeMillis();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                new Date(now - 3_600_000L), new Date(now + 86_400_000L), subject, key);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (isCa) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.subjectAlternativeName, false, sans);
        }
        try {
            ContentSigner cs = new JcaContentSignerBuilder("SHA256withECDSA").build(signer);
            return new JcaX509CertificateConverter().getCertificate(b.build(cs));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** For messages: the names a certificate is valid for. */
    static String describe(Certificate c) {
        return c instanceof X509Certificate ? ((X509Certificate) c).getSubjectX500Principal().getName() : String.valueOf(c);
    }
}
