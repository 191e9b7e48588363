package io.github.mailports.runtime;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Turns a configuration file into the Jakarta Mail session and {@code connect()} call its framework would
 * make, so that a test runs the real library on exactly the settings the check judged.
 *
 * <p>Spring Boot ({@link #springBoot}): what {@code MailSenderPropertiesConfiguration} and
 * {@code JavaMailSenderImpl} do in Boot 3.4 to 3.5.14 / 4.0.0 to 4.0.6 (reference section 2.1, 2.2, 2.8):
 * {@code spring.mail.properties.*} copied verbatim into the session properties;
 * {@code spring.mail.ssl.enabled=true} then sets {@code mail.<protocol>.ssl.enable=true};
 * {@code session.getTransport(spring.mail.protocol, default smtp)};
 * {@code transport.connect(host, port or -1, username, password)} (an empty username is null). Keys outside
 * {@code spring.mail.properties} that Boot does not have are read by nothing, and are dropped here too.
 *
 * <p>Plain Jakarta Mail ({@link #jakartaMail}): the file is the session's {@code Properties}; the application
 * calls {@code connect(user, password)} with {@code mail.<p>.user} and its own {@code mail.<p>.password}.
 *
 * <p>What the test changes, and nothing else: the host and port passed to {@code connect()} become
 * {@code localhost} (127.0.0.1, checked) and the test server's ephemeral port; a socket factory port key
 * becomes that port too; read, connect and write timeouts are added for every protocol unless the file sets
 * them or the test asks for none; and a test may hand the session a socket factory that trusts the test CA
 * (put in {@code mail.<p>.ssl.socketFactory}, as Boot's {@code ssl.bundle} does, with
 * {@code socketFactory.fallback=false} unless the file sets it, see {@link #sessionProperties}), standing in for
 * a JVM trust store that holds a public CA. A file with proxy, SOCKS or local-address keys is refused: every connection
 * stays on loopback.
 */
final class FrameworkSession {
    static final String TEST_HOST = "localhost";
    static final int DEFAULT_TIMEOUT_MS = 3000;
    private static final String[] PROTOCOLS = {"smtp", "smtps", "imap", "imaps", "pop3", "pop3s"};

    private final String protocol;
    private final String configuredHost;
    private final Integer configuredPort;
    private final String username;
    private final String password;
    private final Properties properties;
    private int timeoutMs = DEFAULT_TIMEOUT_MS;
    private SSLSocketFactory trust;

    private FrameworkSession(String protocol, String host, Integer port, String username, String password, Properties props) {
        this.protocol = protocol;
        this.configuredHost = host;
        this.configuredPort = port;
        this.username = username;
        this.password = password;
        this.properties = props;
        for (String k : props.stringPropertyNames()) {
            if (k.contains(".proxy.") || k.contains(".socks.") || k.endsWith(".localaddress")) {
                throw new IllegalArgumentException(k + " would send the test's connection somewhere else than loopback");
            }
        }
    }

    /** Spring Boot's {@code spring.mail.*} from an {@code application.yml} or {@code application.properties}. */
    static FrameworkSession springBoot(Path file) throws IOException {
        Map<String, String> flat = read(file);
        Map<String, String> scalar = new LinkedHashMap<>();
        Properties javaMail = new Properties();
        String prefix = "spring.mail.properties.";
        for (Map.Entry<String, String> e : flat.entrySet()) {
            String k = e.getKey();
            if (k.startsWith(prefix)) {
                javaMail.setProperty(k.substring(prefix.length()), e.getValue());
            } else if (k.startsWith("spring.mail.")) {
                scalar.put(relaxed(k), e.getValue());
            }
        }
        String protocol = scalar.getOrDefault("spring.mail.protocol", "smtp");
        if (protocol.isEmpty()) protocol = "smtp";
        if (isTrue(scalar.get("spring.mail.ssl.enabled"))) javaMail.setProperty("mail." + protocol + ".ssl.enable", "true");
        if (scalar.containsKey("spring.mail.ssl.bundle")) {
            throw new IllegalArgumentException("spring.mail.ssl.bundle is not modelled by this test helper");
        }
        String port = scalar.get("spring.mail.port");
        String user = scalar.get("spring.mail.username");
        String pw = scalar.get("spring.mail.password");
        if ("".equals(user)) {
            user = null;
            if ("".equals(pw)) pw = null;
        }
        return new FrameworkSession(protocol, scalar.get("spring.mail.host"), port == null ? null : Integer.valueOf(port.trim()),
                user, pw, javaMail);
    }

    /** A plain Jakarta Mail properties file, for the given provider protocol. */
    static FrameworkSession jakartaMail(Path file, String protocol) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            p.load(r);
        }
        String host = p.getProperty("mail." + protocol + ".host", p.getProperty("mail.host"));
        String port = p.getProperty("mail." + protocol + ".port");
        String user = p.getProperty("mail." + protocol + ".user", p.getProperty("mail.user"));
        String pw = p.getProperty("mail." + protocol + ".password");
        return new FrameworkSession(protocol, host, port == null ? null : Integer.valueOf(port.trim()), user, pw, p);
    }

    /** Read, connect and write timeout for every protocol (unless the file sets them); 0 for none at all. */
    FrameworkSession timeouts(int millis) {
        this.timeoutMs = millis;
        return this;
    }

    /** Trust the test CA, as a JVM trust store with a public CA would trust a public certificate. */
    FrameworkSession trustingTestCa() {
        this.trust = TestPki.get().trustingTestCa();
        return this;
    }

    String protocol() { return protocol; }
    String configuredHost() { return configuredHost; }
    Integer configuredPort() { return configuredPort; }
    String username() { return username; }
    String password() { return password; }

    /** The session properties as the framework builds them, before the test's changes. */
    Properties frameworkProperties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** The properties the session really gets: the framework's, plus the test's redirection and timeouts. */
    Properties sessionProperties(int testPort) {
        return sessionProperties(testPort, testPort);
    }

    /** As {@link #sessionProperties(int)}, with the socket factory port keys sent to a port of their own. */
    Properties sessionProperties(int testPort, int factoryPort) {
        Properties p = frameworkProperties();
        for (String k : p.stringPropertyNames()) {
            if (k.endsWith(".socketFactory.port")) p.setProperty(k, String.valueOf(factoryPort));
        }
        if (timeoutMs > 0) {
            for (String proto : PROTOCOLS) {
                for (String t : new String[] {"connectiontimeout", "timeout", "writetimeout"}) {
                    String key = "mail." + proto + "." + t;
                    if (!p.containsKey(key)) p.setProperty(key, String.valueOf(timeoutMs));
                }
            }
        }
        if (trust != null) {
            p.put("mail." + protocol + ".ssl.socketFactory", trust);
            // When a handshake through that factory fails, Angus retries with the JVM's default SSL factory
            // (socketFactory.fallback, default true): a different trust store here, the same one in production,
            // where the stand-in does not exist. Without this the test would report the retry's error instead.
            p.putIfAbsent("mail." + protocol + ".socketFactory.fallback", "false");
        }
        return p;
    }

    Session session(int testPort) {
        return Session.getInstance(sessionProperties(testPort));
    }

    /** {@code session.getTransport(protocol).connect(localhost, testPort, user, password)}; the caller closes it. */
    Transport connectTransport(int testPort) throws MessagingException {
        return connectTransport(testPort, testPort);
    }

    /** As {@link #connectTransport(int)}, with {@code socketFactory.port} keys redirected to {@code factoryPort}. */
    Transport connectTransport(int testPort, int factoryPort) throws MessagingException {
        checkLoopback();
        Transport t = Session.getInstance(sessionProperties(testPort, factoryPort)).getTransport(protocol);
        try {
            t.connect(TEST_HOST, testPort, username, password);
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(t);
            throw e;
        }
        return t;
    }

    /** {@code session.getStore(protocol).connect(localhost, testPort, user, password)}; the caller closes it. */
    Store connectStore(int testPort) throws MessagingException {
        checkLoopback();
        Store s = session(testPort).getStore(protocol);
        try {
            s.connect(TEST_HOST, testPort, username, password);
        } catch (MessagingException | RuntimeException e) {
            try {
                s.close();
            } catch (MessagingException ignored) {
                // not connected
            }
            throw e;
        }
        return s;
    }

    static void closeQuietly(Transport t) {
        try {
            if (t != null) t.close();
        } catch (MessagingException ignored) {
            // not connected
        }
    }

    private static void checkLoopback() {
        try {
            InetAddress a = InetAddress.getByName(TEST_HOST);
            if (!a.isLoopbackAddress()) throw new IllegalStateException(TEST_HOST + " resolves to " + a + ", not loopback");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTrue(String v) {
        if (v == null) return false;
        String t = v.trim().toLowerCase(Locale.ROOT);
        return t.equals("true") || t.equals("on") || t.equals("yes") || t.equals("1");
    }

    /** Spring's relaxed form of a {@code spring.mail.*} scalar key: lower case, without dashes or underscores. */
    private static String relaxed(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** The file as flat dotted keys, bracket keys unwrapped ({@code properties[mail.smtp.auth]}). */
    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        String name = file.getFileName().toString();
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            Object root;
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                root = yaml.load(r);
            }
            flatten("", root, out);
        } else {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                p.load(r);
            }
            for (String k : p.stringPropertyNames()) out.put(k.replaceAll("\\[([^\\]]*)]", ".$1"), p.getProperty(k));
        }
        return out;
    }

    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = String.valueOf(e.getKey());
                if (k.startsWith("[") && k.endsWith("]")) k = k.substring(1, k.length() - 1);
                flatten(prefix.isEmpty() ? k : prefix + "." + k, e.getValue(), out);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) flatten(prefix + "[" + i + "]", l.get(i), out);
        } else if (node != null) {
            out.put(prefix, String.valueOf(node));
        }
    }
}
