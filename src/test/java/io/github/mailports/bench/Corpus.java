package io.github.mailports.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes a monorepo-like corpus of configuration files: services, each with {@code src/main/resources}
 * holding Spring Boot {@code application*.yml}/{@code .properties} with profile files, sometimes a
 * multi-document file and a {@code config/} folder, {@code bootstrap.yml}, Jakarta Mail {@code mail.properties}
 * and Logback XML; plus files the check must skip by name ({@code pom.xml}, Java sources, test resources,
 * copies under {@code target/}). Filler keys are what real files carry: server, datasource, JPA, Jackson,
 * Kafka, actuator, logging levels, an application's own clients and feature flags. Deterministic per seed.
 */
final class Corpus {
    /** What was written: the files the check selects, and their bytes. */
    static final class Stats {
        int selected;
        long selectedBytes;
        long largestFile;
        int services;
        int other;
    }

    private final Random rnd;
    private final Path root;
    private final Stats stats = new Stats();

    private Corpus(Path root, long seed) {
        this.root = root;
        this.rnd = new Random(seed);
    }

    /** Writes services until exactly {@code files} selected configuration files exist under {@code root}. */
    static Stats write(Path root, int files, long seed) throws IOException {
        Corpus c = new Corpus(root, seed);
        while (c.stats.selected < files) c.service(files);
        return c.stats;
    }

    // ---------------------------------------------------------------- a service

    private void service(int limit) throws IOException {
        int n = stats.services++;
        String name = String.format(Locale.ROOT, "svc-%05d", n);
        String pkg = "com.example." + name.replace("-", "");
        Path module = root.resolve("services").resolve(String.format(Locale.ROOT, "group-%03d", n / 50)).resolve(name);
        Path res = module.resolve("src/main/resources");
        boolean yaml = rnd.nextInt(10) < 7;
        String ext = yaml ? "yml" : "properties";
        boolean mail = rnd.nextInt(10) < 5;

        List<String[]> files = new ArrayList<>(); // relative path, content
        files.add(new String[] {"application." + ext, render(base(name, pkg, mail), yaml, multiDocument(yaml))});
        files.add(new String[] {"application-prod." + ext, render(profile(name, pkg, "prod", mail), yaml, null)});
        if (rnd.nextInt(10) < 6) files.add(new String[] {"application-dev." + ext, render(profile(name, pkg, "dev", mail), yaml, null)});
        if (rnd.nextInt(10) < 3) files.add(new String[] {"application-staging." + ext, render(profile(name, pkg, "staging", mail), yaml, null)});
        if (rnd.nextInt(10) < 1) files.add(new String[] {"config/application-local.yml", render(profile(name, pkg, "local", mail), true, null)});
        if (rnd.nextInt(10) < 2) files.add(new String[] {"bootstrap.yml", render(bootstrap(name), true, null)});
        if (rnd.nextInt(10) < 4) files.add(new String[] {"mail.properties", mailProperties(name)});
        if (rnd.nextInt(10) < 7) files.add(new String[] {rnd.nextBoolean() ? "logback-spring.xml" : "logback.xml", logback(name, pkg)});

        for (String[] f : files) {
            if (stats.selected >= limit) break;
            byte[] bytes = f[1].getBytes(StandardCharsets.UTF_8);
            write(res.resolve(f[0]), bytes);
            stats.selected++;
            stats.selectedBytes += bytes.length;
            stats.largestFile = Math.max(stats.largestFile, bytes.length);
        }
        // Files the selection must skip: by name, by folder, or by an excluded folder.
        other(module.resolve("pom.xml"), pom(name));
        other(module.resolve("src/main/java/" + pkg.replace('.', '/') + "/Application.java"), java(pkg));
        if (rnd.nextInt(10) < 3) other(module.resolve("src/test/resources/application-test.yml"), render(profile(name, pkg, "test", false), true, null));
        if (rnd.nextInt(10) < 2) other(module.resolve("src/main/resources/messages.properties"), messages());
        if (rnd.nextInt(10) < 3) other(module.resolve("target/classes/application." + ext), files.get(0)[1]);
    }

    private void other(Path p, String text) throws IOException {
        write(p, text.getBytes(StandardCharsets.UTF_8));
        stats.other++;
    }

    private static void write(Path p, byte[] bytes) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }

    // ---------------------------------------------------------------- Spring Boot content

    /** A tree of keys: segments separated by '/', so a segment may hold dots (logging levels). */
    private static final class Tree {
        final Map<String, Object> map = new LinkedHashMap<>();

        Tree put(String path, Object value) {
            String[] parts = path.split("/");
            Map<String, Object> m = map;
            for (int i = 0; i < parts.length - 1; i++) {
                Object next = m.get(parts[i]);
                if (!(next instanceof Tree)) {
                    next = new Tree();
                    m.put(parts[i], next);
                }
                m = ((Tree) next).map;
            }
            m.put(parts[parts.length - 1], value);
            return this;
        }
    }

    private Tree base(String name, String pkg, boolean mail) {
        Tree t = new Tree();
        int port = 8000 + rnd.nextInt(1000);
        t.put("server/port", "${PORT:" + port + "}")
                .put("server/shutdown", "graceful")
                .put("server/servlet/context-path", "/" + name)
                .put("server/servlet/session/timeout", "30m")
                .put("server/compression/enabled", "true")
                .put("server/compression/mime-types", "text/html,text/xml,text/plain,application/json")
                .put("server/compression/min-response-size", "2048")
                .put("server/tomcat/threads/max", "200")
                .put("server/tomcat/threads/min-spare", "10")
                .put("server/tomcat/accept-count", "100")
                .put("server/tomcat/connection-timeout", "20s")
                .put("server/error/include-message", "never");
        t.put("spring/application/name", name)
                .put("spring/main/banner-mode", "off")
                .put("spring/lifecycle/timeout-per-shutdown-phase", "30s")
                .put("spring/datasource/url", "jdbc:postgresql://${DB_HOST:localhost}:5432/" + name.replace("-", "_"))
                .put("spring/datasource/username", "${DB_USER:" + name + "}")
                .put("spring/datasource/password", "${DB_PASSWORD:}")
                .put("spring/datasource/driver-class-name", "org.postgresql.Driver")
                .put("spring/datasource/hikari/maximum-pool-size", String.valueOf(10 + rnd.nextInt(30)))
                .put("spring/datasource/hikari/minimum-idle", "5")
                .put("spring/datasource/hikari/idle-timeout", "600000")
                .put("spring/datasource/hikari/max-lifetime", "1800000")
                .put("spring/datasource/hikari/connection-timeout", "30000")
                .put("spring/datasource/hikari/pool-name", name + "-pool")
                .put("spring/jpa/open-in-view", "false")
                .put("spring/jpa/hibernate/ddl-auto", "validate")
                .put("spring/jpa/properties/hibernate/dialect", "org.hibernate.dialect.PostgreSQLDialect")
                .put("spring/jpa/properties/hibernate/jdbc/batch_size", "50")
                .put("spring/jpa/properties/hibernate/order_inserts", "true")
                .put("spring/jpa/properties/hibernate/order_updates", "true")
                .put("spring/flyway/enabled", "true")
                .put("spring/flyway/locations", "classpath:db/migration")
                .put("spring/jackson/default-property-inclusion", "non_null")
                .put("spring/jackson/serialization/write-dates-as-timestamps", "false")
                .put("spring/jackson/deserialization/fail-on-unknown-properties", "false")
                .put("spring/cache/type", "caffeine")
                .put("spring/cache/caffeine/spec", "maximumSize=500,expireAfterAccess=600s");
        if (rnd.nextBoolean()) {
            t.put("spring/kafka/bootstrap-servers", "${KAFKA_SERVERS:localhost:9092}")
                    .put("spring/kafka/consumer/group-id", name)
                    .put("spring/kafka/consumer/auto-offset-reset", "earliest")
                    .put("spring/kafka/consumer/key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer")
                    .put("spring/kafka/consumer/value-deserializer", "org.springframework.kafka.support.serializer.JsonDeserializer")
                    .put("spring/kafka/producer/acks", "all")
                    .put("spring/kafka/producer/retries", "3");
        }
        if (mail) springMail(t, rnd.nextInt(10) < 8);
        t.put("management/endpoints/web/base-path", "/actuator")
                .put("management/endpoints/web/exposure/include", "health,info,prometheus,metrics")
                .put("management/endpoint/health/show-details", "when-authorized")
                .put("management/endpoint/health/probes/enabled", "true")
                .put("management/metrics/tags/application", "${spring.application.name}")
                .put("management/metrics/distribution/percentiles-histogram/http.server.requests", "true")
                .put("management/tracing/sampling/probability", "0.1")
                .put("management/info/git/mode", "full");
        t.put("logging/level/root", "INFO")
                .put("logging/level/org.springframework.web", "WARN")
                .put("logging/level/org.hibernate.SQL", "WARN")
                .put("logging/pattern/console", "%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n")
                .put("logging/file/name", "/var/log/" + name + "/app.log");
        for (int i = 0, n = 2 + rnd.nextInt(12); i < n; i++) {
            t.put("logging/level/" + pkg + "." + word() + (i > 0 ? i : ""), i % 3 == 0 ? "DEBUG" : "INFO");
        }
        t.put("app/name", name)
                .put("app/cors/allowed-origins", Arrays.asList("https://app.example.com", "https://admin.example.com"))
                .put("app/cors/allowed-methods", Arrays.asList("GET", "POST", "PUT", "DELETE"));
        for (int i = 0, n = 2 + rnd.nextInt(25); i < n; i++) {
            String c = "app/clients/" + word() + "-" + i;
            t.put(c + "/base-url", "https://" + word() + ".internal.example.com/api/v" + (1 + rnd.nextInt(3)))
                    .put(c + "/connect-timeout", (1 + rnd.nextInt(5)) + "s")
                    .put(c + "/read-timeout", (5 + rnd.nextInt(30)) + "s")
                    .put(c + "/retry/max-attempts", String.valueOf(1 + rnd.nextInt(5)))
                    .put(c + "/retry/backoff", (100 * (1 + rnd.nextInt(9))) + "ms");
        }
        for (int i = 0, n = 3 + rnd.nextInt(20); i < n; i++) {
            t.put("app/features/" + word() + "-" + i, String.valueOf(rnd.nextBoolean()));
        }
        return t;
    }

    private void springMail(Tree t, boolean secure) {
        t.put("spring/mail/host", rnd.nextBoolean() ? "smtp.example.com" : "${MAIL_HOST:smtp.example.com}")
                .put("spring/mail/port", secure ? "587" : "25")
                .put("spring/mail/username", "${MAIL_USER:noreply@example.com}")
                .put("spring/mail/password", "${MAIL_PASSWORD:}")
                .put("spring/mail/default-encoding", "UTF-8")
                .put("spring/mail/properties/mail/smtp/auth", "true")
                .put("spring/mail/properties/mail/smtp/connectiontimeout", "5000")
                .put("spring/mail/properties/mail/smtp/timeout", "5000")
                .put("spring/mail/properties/mail/smtp/writetimeout", "5000");
        if (secure) {
            t.put("spring/mail/properties/mail/smtp/starttls/enable", "true")
                    .put("spring/mail/properties/mail/smtp/starttls/required", "true");
        }
    }

    private Tree profile(String name, String pkg, String profile, boolean mail) {
        Tree t = new Tree();
        t.put("server/port", String.valueOf(8000 + rnd.nextInt(1000)))
                .put("spring/datasource/url", "jdbc:postgresql://db-" + profile + ".internal:5432/" + name.replace("-", "_"))
                .put("spring/datasource/hikari/maximum-pool-size", String.valueOf(10 + rnd.nextInt(40)))
                .put("spring/jpa/show-sql", String.valueOf(profile.equals("dev")))
                .put("management/tracing/sampling/probability", profile.equals("prod") ? "0.05" : "1.0")
                .put("logging/level/root", profile.equals("prod") ? "WARN" : "DEBUG");
        for (int i = 0, n = 1 + rnd.nextInt(6); i < n; i++) {
            t.put("logging/level/" + pkg + "." + word(), profile.equals("prod") ? "INFO" : "TRACE");
        }
        if (mail && rnd.nextBoolean()) {
            t.put("spring/mail/host", "smtp-" + profile + ".example.com");
            if (profile.equals("dev")) t.put("spring/mail/port", "1025");
        }
        for (int i = 0, n = rnd.nextInt(10); i < n; i++) {
            t.put("app/clients/" + word() + "-" + i + "/base-url", "https://" + profile + "-" + word() + ".example.com");
        }
        return t;
    }

    private Tree bootstrap(String name) {
        return new Tree().put("spring/application/name", name)
                .put("spring/cloud/config/uri", "http://config-server:8888")
                .put("spring/cloud/config/fail-fast", "true")
                .put("spring/cloud/config/retry/max-attempts", "6")
                .put("spring/cloud/config/retry/initial-interval", "1000");
    }

    /** A few base files end with profile documents, as Spring Boot 2.4+ allows. */
    private Tree[] multiDocument(boolean yaml) {
        if (rnd.nextInt(10) >= 2) return null;
        List<Tree> docs = new ArrayList<>();
        for (String p : new String[] {"qa", "perf"}) {
            Tree t = new Tree().put("spring/config/activate/on-profile", p)
                    .put("server/port", String.valueOf(9000 + rnd.nextInt(900)))
                    .put("logging/level/root", "DEBUG");
            if (rnd.nextBoolean()) t.put("spring/mail/host", "smtp-" + p + ".example.com").put("spring/mail/port", "2525");
            docs.add(t);
        }
        return docs.toArray(new Tree[0]);
    }

    private static String render(Tree t, boolean yaml, Tree[] more) {
        StringBuilder b = new StringBuilder();
        b.append("# Generated for the mailports benchmark\n");
        if (yaml) yaml(t, 0, b);
        else properties(t, "", b);
        if (more != null) {
            for (Tree d : more) {
                b.append(yaml ? "---\n" : "#---\n");
                if (yaml) yaml(d, 0, b);
                else properties(d, "", b);
            }
        }
        return b.toString();
    }

    private static void yaml(Tree t, int indent, StringBuilder b) {
        for (Map.Entry<String, Object> e : t.map.entrySet()) {
            for (int i = 0; i < indent; i++) b.append(' ');
            b.append(e.getKey()).append(':');
            Object v = e.getValue();
            if (v instanceof Tree) {
                b.append('\n');
                yaml((Tree) v, indent + 2, b);
            } else if (v instanceof List) {
                b.append('\n');
                for (Object item : (List<?>) v) {
                    for (int i = 0; i < indent + 2; i++) b.append(' ');
                    b.append("- ").append(yamlScalar(item.toString())).append('\n');
                }
            } else {
                b.append(' ').append(yamlScalar(v.toString())).append('\n');
            }
        }
    }

    private static String yamlScalar(String v) {
        boolean quote = v.isEmpty() || v.startsWith("$") || v.startsWith("%") || v.startsWith("*") || v.contains(": ")
                || v.contains(" #") || v.contains("{") || v.contains("[");
        return quote ? "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : v;
    }

    private static void properties(Tree t, String prefix, StringBuilder b) {
        for (Map.Entry<String, Object> e : t.map.entrySet()) {
            String k = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof Tree) {
                properties((Tree) v, k + ".", b);
            } else if (v instanceof List) {
                List<?> items = (List<?>) v;
                for (int i = 0; i < items.size(); i++) b.append(k).append('[').append(i).append("]=").append(items.get(i)).append('\n');
            } else {
                b.append(k).append('=').append(v).append('\n');
            }
        }
    }

    // ---------------------------------------------------------------- other sources

    private String mailProperties(String name) {
        StringBuilder b = new StringBuilder();
        b.append("# Jakarta Mail session for ").append(name).append('\n');
        int kind = rnd.nextInt(10);
        if (kind < 6) {
            b.append("mail.transport.protocol=smtp\n")
                    .append("mail.smtp.host=smtp.example.com\n")
                    .append("mail.smtp.port=587\n")
                    .append("mail.smtp.auth=true\n")
                    .append("mail.smtp.starttls.enable=true\n")
                    .append("mail.smtp.starttls.required=true\n");
        } else if (kind < 8) {
            b.append("mail.transport.protocol=smtps\n")
                    .append("mail.smtps.host=smtp.example.com\n")
                    .append("mail.smtps.port=465\n")
                    .append("mail.smtps.auth=true\n")
                    .append("mail.smtps.ssl.checkserveridentity=true\n");
        } else {
            b.append("mail.smtp.host=relay.internal\n")
                    .append("mail.smtp.port=25\n")
                    .append("mail.smtp.auth=false\n");
        }
        String p = kind >= 6 && kind < 8 ? "smtps" : "smtp";
        b.append("mail.").append(p).append(".connectiontimeout=5000\n")
                .append("mail.").append(p).append(".timeout=10000\n")
                .append("mail.").append(p).append(".writetimeout=10000\n")
                .append("mail.").append(p).append(".from=noreply@").append(name).append(".example.com\n")
                .append("mail.mime.charset=UTF-8\n")
                .append("mail.mime.address.strict=false\n")
                .append("mail.debug=false\n");
        if (rnd.nextInt(10) < 3) {
            b.append("# inbound\n")
                    .append("mail.store.protocol=imaps\n")
                    .append("mail.imaps.host=imap.example.com\n")
                    .append("mail.imaps.port=993\n")
                    .append("mail.imaps.timeout=10000\n");
        }
        return b.toString();
    }

    private String logback(String name, String pkg) {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration scan=\"true\" scanPeriod=\"60 seconds\">\n")
                .append("  <include resource=\"org/springframework/boot/logging/logback/defaults.xml\"/>\n")
                .append("  <springProperty scope=\"context\" name=\"app\" source=\"spring.application.name\"/>\n")
                .append("  <appender name=\"CONSOLE\" class=\"ch.qos.logback.core.ConsoleAppender\">\n")
                .append("    <encoder><pattern>%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>\n")
                .append("  </appender>\n")
                .append("  <appender name=\"FILE\" class=\"ch.qos.logback.core.rolling.RollingFileAppender\">\n")
                .append("    <file>/var/log/").append(name).append("/app.log</file>\n")
                .append("    <rollingPolicy class=\"ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy\">\n")
                .append("      <fileNamePattern>/var/log/").append(name).append("/app.%d{yyyy-MM-dd}.%i.log.gz</fileNamePattern>\n")
                .append("      <maxFileSize>100MB</maxFileSize>\n      <maxHistory>14</maxHistory>\n      <totalSizeCap>5GB</totalSizeCap>\n")
                .append("    </rollingPolicy>\n")
                .append("    <encoder><pattern>%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>\n")
                .append("  </appender>\n");
        boolean smtp = rnd.nextInt(10) < 3;
        if (smtp) {
            b.append("  <appender name=\"EMAIL\" class=\"ch.qos.logback.classic.net.SMTPAppender\">\n")
                    .append("    <smtpHost>smtp.example.com</smtpHost>\n")
                    .append("    <smtpPort>").append(rnd.nextBoolean() ? "587" : "25").append("</smtpPort>\n")
                    .append("    <STARTTLS>").append(rnd.nextBoolean()).append("</STARTTLS>\n")
                    .append("    <username>${MAIL_USER}</username>\n    <password>${MAIL_PASSWORD}</password>\n")
                    .append("    <to>ops@example.com</to>\n    <from>").append(name).append("@example.com</from>\n")
                    .append("    <subject>").append(name).append(": %logger{20} - %m</subject>\n")
                    .append("    <layout class=\"ch.qos.logback.classic.PatternLayout\"><pattern>%date %-5level %logger - %message%n</pattern></layout>\n")
                    .append("  </appender>\n");
        }
        for (int i = 0, n = 2 + rnd.nextInt(8); i < n; i++) {
            b.append("  <logger name=\"").append(pkg).append('.').append(word()).append("\" level=\"")
                    .append(i % 2 == 0 ? "DEBUG" : "INFO").append("\"/>\n");
        }
        b.append("  <root level=\"INFO\">\n    <appender-ref ref=\"CONSOLE\"/>\n    <appender-ref ref=\"FILE\"/>\n");
        if (smtp) b.append("    <appender-ref ref=\"EMAIL\"/>\n");
        b.append("  </root>\n</configuration>\n");
        return b.toString();
    }

    private static String pom(String name) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n  <parent><groupId>com.example</groupId><artifactId>services</artifactId>"
                + "<version>1.0.0</version></parent>\n  <artifactId>" + name + "</artifactId>\n</project>\n";
    }

    private static String java(String pkg) {
        return "package " + pkg + ";\n\nimport org.springframework.boot.SpringApplication;\n"
                + "import org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\n"
                + "public class Application {\n    public static void main(String[] args) {\n"
                + "        SpringApplication.run(Application.class, args);\n    }\n}\n";
    }

    private String messages() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) b.append("label.").append(word()).append('.').append(i).append('=').append(word()).append('\n');
        return b.toString();
    }

    private static final String[] WORDS = {"order", "payment", "invoice", "customer", "catalog", "inventory", "shipping",
            "billing", "account", "search", "pricing", "report", "audit", "notification", "gateway", "auth", "profile",
            "cart", "review", "recommendation", "ledger", "tax", "document", "export", "scheduler"};

    private String word() { return WORDS[rnd.nextInt(WORDS.length)]; }
}
