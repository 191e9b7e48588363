package io.github.mailports.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes one application module for issue 12's cost target: {@code src/main/java} with {@code javaFiles} Java
 * sources of which {@code mailFiles} configure mail in code (a Properties session, Spring's JavaMailSenderImpl,
 * Apache Commons Email, a Simple Java Mail builder, {@code @Value("${spring.mail...}")} fields), and the module's
 * usual {@code src/main/resources} (application.yml with a {@code spring.mail} block, a profile file, logback.xml).
 *
 * <p>The other sources are what a real service holds: entities, DTOs, repositories, services and controllers of
 * 1 to 10 KB (about 4 KB on average), with imports, fields, accessors, string literals and comments. About one in eight mentions
 * "email" or "mail" in an ordinary sense (a user's e-mail address, a mailing list, a MailingAddress DTO), so a
 * cheap "does this file mention mail?" test sees decoys as real projects have them. Deterministic per seed.
 */
final class JavaCorpus {
    /** What was written. */
    static final class Stats {
        int javaFiles;
        int mailFiles;
        int decoys;
        long javaBytes;
        long largest;
        int configFiles;
    }

    private static final String[] KINDS = {"Entity", "Dto", "Repository", "Service", "Controller", "Mapper", "Config", "Util"};
    private static final String[] NOUNS = {"Order", "Customer", "Invoice", "Product", "Shipment", "Payment", "Account",
        "Ticket", "Report", "Catalog", "Coupon", "Review", "Stock", "Warehouse", "Supplier", "Contract"};

    private final Random rnd;
    private final Path java;
    private final Stats stats = new Stats();

    private JavaCorpus(Path module, long seed) {
        this.rnd = new Random(seed);
        this.java = module.resolve("src/main/java");
    }

    static Stats write(Path module, int javaFiles, int mailFiles, long seed) throws IOException {
        JavaCorpus c = new JavaCorpus(module, seed);
        c.resources(module.resolve("src/main/resources"));
        int every = Math.max(1, javaFiles / Math.max(1, mailFiles));
        for (int i = 0; i < javaFiles; i++) {
            boolean mail = c.stats.mailFiles < mailFiles && i % every == every / 2;
            c.source(i, mail);
        }
        return c.stats;
    }

    private void resources(Path res) throws IOException {
        write(res.resolve("application.yml"), String.join("\n",
                "server:", "  port: 8080",
                "spring:", "  application:", "    name: shop",
                "  datasource:", "    url: jdbc:postgresql://db:5432/shop", "    username: shop", "    password: ${DB_PASSWORD}",
                "  mail:", "    host: smtp.example.com", "    port: 587", "    username: shop@example.com",
                "    password: ${MAIL_PASSWORD}", "    properties:", "      mail.smtp.auth: true",
                "      mail.smtp.starttls.enable: true", "      mail.smtp.starttls.required: true",
                "      mail.smtp.connectiontimeout: 5000", "      mail.smtp.timeout: 5000", "      mail.smtp.writetimeout: 5000",
                "logging:", "  level:", "    root: INFO", ""));
        write(res.resolve("application-prod.yml"), "spring:\n  mail:\n    host: smtp.prod.example.com\n");
        write(res.resolve("logback.xml"), "<configuration>\n  <appender name=\"CONSOLE\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
                + "    <encoder><pattern>%d %-5level %logger - %msg%n</pattern></encoder>\n  </appender>\n"
                + "  <root level=\"INFO\"><appender-ref ref=\"CONSOLE\"/></root>\n</configuration>\n");
        stats.configFiles = 3;
    }

    private void source(int i, boolean mail) throws IOException {
        String pkg = "com.example.shop." + NOUNS[i % NOUNS.length].toLowerCase(Locale.ROOT) + ".p" + (i / 200);
        String kind = KINDS[rnd.nextInt(KINDS.length)];
        String cls = NOUNS[rnd.nextInt(NOUNS.length)] + kind + i;
        String text = mail ? mailSource(pkg, cls, stats.mailFiles) : ordinary(pkg, cls, kind);
        if (mail) stats.mailFiles++;
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        write(java.resolve(pkg.replace('.', '/')).resolve(cls + ".java"), b);
        stats.javaFiles++;
        stats.javaBytes += b.length;
        stats.largest = Math.max(stats.largest, b.length);
    }

    // ---------------------------------------------------------------- ordinary sources

    private String ordinary(String pkg, String cls, String kind) {
        StringBuilder s = new StringBuilder(4096);
        s.append("/*\n * Copyright 2024 Example Shop GmbH. Licensed under the Apache License, Version 2.0.\n */\n");
        s.append("package ").append(pkg).append(";\n\n");
        String[] imports = {"java.util.List", "java.util.Map", "java.util.Optional", "java.time.Instant",
            "java.math.BigDecimal", "org.slf4j.Logger", "org.slf4j.LoggerFactory",
            "org.springframework.stereotype.Service", "org.springframework.transaction.annotation.Transactional",
            "jakarta.persistence.Entity", "jakarta.persistence.Id", "jakarta.validation.constraints.NotNull"};
        for (String imp : imports) if (rnd.nextInt(3) > 0) s.append("import ").append(imp).append(";\n");
        boolean decoy = rnd.nextInt(8) == 0;
        if (decoy) stats.decoys++;
        s.append("\n/**\n * ").append(kind).append(" for ").append(cls).append(". Handles the ").append(kind.toLowerCase(Locale.ROOT))
                .append(" side of the domain;\n * see the architecture notes in the wiki.\n */\n");
        if (kind.equals("Service")) s.append("@Service\n");
        if (kind.equals("Entity")) s.append("@Entity\n");
        s.append("public class ").append(cls).append(" {\n");
        s.append("    private static final Logger LOG = LoggerFactory.getLogger(").append(cls).append(".class);\n");
        int fields = 3 + rnd.nextInt(14);
        for (int f = 0; f < fields; f++) {
            String type = pick("String", "long", "int", "BigDecimal", "Instant", "boolean", "List<String>");
            String name = (decoy && f == 1) ? pick("email", "mailingList", "emailVerified", "billingEmail") : "field" + f;
            s.append("    private ").append(type).append(' ').append(name).append(";\n");
        }
        s.append('\n');
        int methods = 2 + rnd.nextInt(12);
        for (int m = 0; m < methods; m++) {
            String name = pick("find", "load", "save", "update", "compute", "validate", "map", "publish") + "Item" + m;
            s.append("    /** ").append(pick("Loads", "Computes", "Checks", "Maps")).append(" the item; null when absent. */\n");
            s.append("    public Optional<String> ").append(name).append("(String id, int limit) {\n");
            s.append("        if (id == null || id.isEmpty()) {\n            return Optional.empty();\n        }\n");
            s.append("        StringBuilder out = new StringBuilder(\"").append(name).append(":\");\n");
            int lines = 1 + rnd.nextInt(3);
            for (int l = 0; l < lines; l++) {
                s.append("        for (int i = 0; i < limit && i < ").append(10 + l).append("; i++) {\n");
                s.append("            out.append(id.charAt(i % id.length())).append('").append((char) ('a' + l)).append("');\n");
                s.append("        }\n");
            }
            if (decoy && m == 0) {
                s.append("        // send the receipt to the customer's e-mail address (the notification service does the mail)\n");
                s.append("        LOG.info(\"receipt queued for {}\", email);\n");
            } else {
                s.append("        LOG.debug(\"").append(name).append(" {} -> {}\", id, out);\n");
            }
            s.append("        return Optional.of(out.toString());\n    }\n\n");
        }
        s.append("}\n");
        return s.toString();
    }

    // ---------------------------------------------------------------- mail in code

    private String mailSource(String pkg, String cls, int n) {
        switch (n % 5) {
            case 0: return "package " + pkg + ";\n\nimport jakarta.mail.Session;\nimport java.util.Properties;\n\n"
                    + "public class " + cls + " {\n"
                    + "    public Session session(String password) {\n"
                    + "        Properties props = new Properties();\n"
                    + "        props.put(\"mail.smtp.host\", \"smtp" + n + ".example.com\");\n"
                    + "        props.put(\"mail.smtp.port\", \"587\");\n"
                    + "        props.put(\"mail.smtp.auth\", \"true\");\n"
                    + "        props.put(\"mail.smtp.starttls.enable\", \"true\");\n"
                    + "        props.put(\"mail.smtp.connectiontimeout\", \"5000\");\n"
                    + "        return Session.getInstance(props);\n    }\n}\n";
            case 1: return "package " + pkg + ";\n\nimport java.util.Properties;\n"
                    + "import org.springframework.context.annotation.Bean;\n"
                    + "import org.springframework.mail.javamail.JavaMailSenderImpl;\n\n"
                    + "public class " + cls + " {\n    @Bean\n    public JavaMailSenderImpl mailSender() {\n"
                    + "        JavaMailSenderImpl sender = new JavaMailSenderImpl();\n"
                    + "        sender.setHost(\"smtp" + n + ".example.com\");\n        sender.setPort(465);\n"
                    + "        Properties p = sender.getJavaMailProperties();\n"
                    + "        p.put(\"mail.smtp.ssl.enable\", \"true\");\n        p.put(\"mail.smtp.timeout\", \"5000\");\n"
                    + "        return sender;\n    }\n}\n";
            case 2: return "package " + pkg + ";\n\nimport org.apache.commons.mail.HtmlEmail;\n\n"
                    + "public class " + cls + " {\n    public HtmlEmail email(String user, String password) throws Exception {\n"
                    + "        HtmlEmail email = new HtmlEmail();\n        email.setHostName(\"smtp" + n + ".example.com\");\n"
                    + "        email.setSslSmtpPort(\"465\");\n        email.setSSLOnConnect(true);\n"
                    + "        email.setSSLCheckServerIdentity(true);\n        email.setAuthentication(user, password);\n"
                    + "        return email;\n    }\n}\n";
            case 3: return "package " + pkg + ";\n\nimport org.simplejavamail.api.mailer.Mailer;\n"
                    + "import org.simplejavamail.api.mailer.config.TransportStrategy;\n"
                    + "import org.simplejavamail.mailer.MailerBuilder;\n\n"
                    + "public class " + cls + " {\n    public Mailer mailer(String user, String password) {\n"
                    + "        return MailerBuilder.withSMTPServer(\"smtp" + n + ".example.com\", 465, user, password)\n"
                    + "                .withTransportStrategy(TransportStrategy.SMTPS)\n"
                    + "                .buildMailer();\n    }\n}\n";
            default: return "package " + pkg + ";\n\nimport org.springframework.beans.factory.annotation.Value;\n"
                    + "import org.springframework.stereotype.Component;\n\n"
                    + "@Component\npublic class " + cls + " {\n"
                    + "    @Value(\"${spring.mail.host}\")\n    private String host;\n"
                    + "    @Value(\"${spring.mail.username}\")\n    private String from;\n\n"
                    + "    public String from() {\n        return from + \"@\" + host;\n    }\n}\n";
        }
    }

    private String pick(String... options) {
        return options[rnd.nextInt(options.length)];
    }

    private static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
