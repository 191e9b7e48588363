package io.github.mailports.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mail libraries the project really ships, with their versions, and the one table of what changes with a
 * version. Extractors and rules ask this class about a {@link Behaviour}; they never compare version numbers
 * themselves. Every row cites where it comes from (the same rows, with links, are in {@code docs/versions.md}).
 * When a library's version is unknown, today's assumption holds: the newest version's behaviour.
 */
public final class LibraryVersions {

    /** A behaviour that differs between versions of one library. */
    public enum Behaviour {
        /** {@code mail.<p>.ssl.checkserveridentity} defaults to false: the host name in the certificate is not checked. */
        IDENTITY_CHECK_OFF_BY_DEFAULT,
        /**
         * Simple Java Mail 4.x: strategies {@code SMTP_PLAIN} (cleartext, the default), {@code SMTP_SSL} (smtps) and
         * {@code SMTP_TLS} (STARTTLS if offered); no {@code opportunistic.tls}, {@code defaults.verifyserveridentity}
         * or {@code defaults.trust*} keys; never writes {@code checkserveridentity}; runs on javax.mail 1.x.
         */
        SIMPLE_JAVA_MAIL_4,
        /** Log4j2's {@code <Ssl verifyHostName="true">} is ignored: the SMTP appender writes {@code checkserveridentity=false}. */
        LOG4J2_VERIFY_HOSTNAME_IGNORED,
        /**
         * The Spring Boot version manages a Jakarta Mail implementation whose identity check is off by default
         * (2.x: JavaMail / Jakarta Mail 1.6; 3.0: Angus Mail 1.0.0). Used only when no implementation version is known.
         */
        SPRING_BOOT_MANAGES_UNCHECKED_IMPLEMENTATION,
        /** Spring Boot writes {@code mail.<p>.ssl.checkserveridentity=true} after the properties map when {@code spring.mail.ssl.enabled} or {@code ssl.bundle} is set. */
        SPRING_BOOT_FORCES_IDENTITY_CHECK
    }

    /** One row of the table: a behaviour that holds for versions {@code from <= v < until} of one artifact. */
    public static final class Row {
        private final Behaviour behaviour;
        private final String coordinates;
        private final String from;
        private final String until;
        private final String evidence;

        Row(Behaviour behaviour, String coordinates, String from, String until, String evidence) {
            this.behaviour = behaviour;
            this.coordinates = coordinates;
            this.from = from;
            this.until = until;
            this.evidence = evidence;
        }

        public Behaviour behaviour() { return behaviour; }
        /** {@code groupId:artifactId}. */
        public String coordinates() { return coordinates; }
        /** The first version the row holds for (inclusive), or null for every earlier one. */
        public String from() { return from; }
        /** The first version it no longer holds for (exclusive), or null for every later one. */
        public String until() { return until; }
        /** Where it comes from: the library's source, change log or advisory. */
        public String evidence() { return evidence; }

        boolean holds(String version) {
            return (from == null || compare(version, from) >= 0) && (until == null || compare(version, until) < 0);
        }
    }

    private static final String ANGUS_12 = "angus-mail CHANGES.txt 1.1.0 \"12: Check server identity by default\" and"
            + " SocketFetcher.configureSSLSocket (getBooleanProperty(..., \"ssl.checkserveridentity\", true) from tag 1.1.0,"
            + " false in tag 1.0.0 and in javaee/javamail 1.6.2); eclipse-ee4j/angus-mail issue 12, pull 14";

    /** The table. */
    public static final List<Row> TABLE = Collections.unmodifiableList(Arrays.asList(
            new Row(Behaviour.IDENTITY_CHECK_OFF_BY_DEFAULT, "javax.mail:mail", null, null, ANGUS_12),
            new Row(Behaviour.IDENTITY_CHECK_OFF_BY_DEFAULT, "com.sun.mail:javax.mail", null, null, ANGUS_12),
            new Row(Behaviour.IDENTITY_CHECK_OFF_BY_DEFAULT, "com.sun.mail:jakarta.mail", null, null, ANGUS_12
                    + "; angus-mail COMPAT.txt: Jakarta Mail 2.0 is 1.6 with the jakarta namespace"),
            new Row(Behaviour.IDENTITY_CHECK_OFF_BY_DEFAULT, "org.eclipse.angus:angus-mail", null, "1.1.0", ANGUS_12),
            new Row(Behaviour.IDENTITY_CHECK_OFF_BY_DEFAULT, "org.eclipse.angus:jakarta.mail", null, "1.1.0", ANGUS_12),
            new Row(Behaviour.SIMPLE_JAVA_MAIL_4, "org.simplejavamail:simple-java-mail", null, "5.0.0",
                    "simple-java-mail 4.2.3 jar: TransportStrategy SMTP_PLAIN/SMTP_SSL/SMTP_TLS (SMTP_TLS sets only"
                            + " mail.smtp.starttls.enable), Mailer defaults to SMTP_PLAIN, MailSender never writes"
                            + " checkserveridentity; its POM depends on com.sun.mail:javax.mail 1.5.5; 5.0.0 renamed the"
                            + " strategies to SMTP/SMTPS/SMTP_TLS"),
            new Row(Behaviour.LOG4J2_VERIFY_HOSTNAME_IGNORED, "org.apache.logging.log4j:log4j-core", null, "2.25.4",
                    "CVE-2026-34477 (logging.apache.org/security.html): verifyHostName of <Ssl> was silently ignored"
                            + " in all versions through 2.25.3, fixed in 2.25.4"),
            new Row(Behaviour.SPRING_BOOT_MANAGES_UNCHECKED_IMPLEMENTATION, "org.springframework.boot:spring-boot-autoconfigure", null, "3.1.0",
                    "spring-boot-dependencies at tags v2.0.0 (javax.mail 1.6.1), v2.3.0 and v2.7.18 (Jakarta Mail 1.6.x /"
                            + " javax.mail 1.6.2), v3.0.0 to v3.0.13 (Angus Mail 1.0.0); v3.1.0 manages Angus Mail 1.1.0"),
            new Row(Behaviour.SPRING_BOOT_FORCES_IDENTITY_CHECK, "org.springframework.boot:spring-boot-autoconfigure", "3.5.15", "4.0.0",
                    "spring-boot commit 327bef3a \"Enable hostname verification by default in Mail auto-config\""
                            + " (gh-50742/50746/50747): MailSenderPropertiesConfiguration.applyProperties, 3.5.15, 4.0.7, 4.1.0"),
            new Row(Behaviour.SPRING_BOOT_FORCES_IDENTITY_CHECK, "org.springframework.boot:spring-boot-autoconfigure", "4.0.7", null,
                    "spring-boot commit 327bef3a (gh-50742/50746/50747); Spring Boot 4 has the mail auto-configuration in"
                            + " spring-boot-mail")));

    /** Artifacts that implement Jakarta Mail / JavaMail (they decide the {@code checkserveridentity} default). */
    public static final List<String> JAKARTA_MAIL_IMPLEMENTATIONS = Collections.unmodifiableList(Arrays.asList(
            "org.eclipse.angus:angus-mail", "org.eclipse.angus:jakarta.mail", "com.sun.mail:jakarta.mail",
            "com.sun.mail:javax.mail", "javax.mail:mail"));

    /** Where each library's version is read, in order; the first one found counts. */
    private static final Map<String, List<String>> ALIASES = new TreeMap<>();

    static {
        ALIASES.put("org.springframework.boot:spring-boot-autoconfigure", Arrays.asList(
                "org.springframework.boot:spring-boot-autoconfigure", "org.springframework.boot:spring-boot-mail",
                "org.springframework.boot:spring-boot-starter-mail", "org.springframework.boot:spring-boot"));
    }

    /** A library as shipped: coordinates and version, or a null version when it is not known. */
    public static final class Library {
        private final String coordinates;
        private final String version;

        Library(String coordinates, String version) {
            this.coordinates = coordinates;
            this.version = version;
        }

        public String coordinates() { return coordinates; }
        /** Null when unknown. */
        public String version() { return version; }

        /** How messages name it: {@code JavaMail 1.6.2 (com.sun.mail:javax.mail)}. */
        public String describe() {
            return displayName(coordinates) + (version == null ? "" : " " + version) + " (" + coordinates + ")";
        }

        @Override
        public String toString() { return coordinates + ":" + (version == null ? "?" : version); }
    }

    private static final LibraryVersions NONE = new LibraryVersions(Collections.<String, String>emptyMap(), null);

    private final Map<String, String> versions;
    private final String origin;

    private LibraryVersions(Map<String, String> versions, String origin) {
        this.versions = Collections.unmodifiableMap(new TreeMap<>(versions));
        this.origin = origin;
    }

    /** No version is known: every library behaves as its newest version. */
    public static LibraryVersions none() { return NONE; }

    /**
     * @param versions {@code groupId:artifactId} to version
     * @param origin where they were read ({@code the mailports.libraries parameter}, {@code gradle.lockfile}, ...)
     */
    public static LibraryVersions of(Map<String, String> versions, String origin) {
        return versions == null || versions.isEmpty() ? NONE : new LibraryVersions(versions, origin);
    }

    /** Every known {@code groupId:artifactId} and its version. */
    public Map<String, String> versions() { return versions; }

    /** Where the versions come from, or null when none is known. */
    public String origin() { return origin; }

    public boolean isEmpty() { return versions.isEmpty(); }

    /** The version shipped of one artifact (or of its aliases), or null. */
    public String version(String coordinates) {
        List<String> names = ALIASES.get(coordinates);
        for (String n : names != null ? names : Collections.singletonList(coordinates)) {
            String v = versions.get(n);
            if (v != null) return v;
        }
        return null;
    }

    /** The shipped library for these coordinates (its version is null when unknown). */
    public Library library(String coordinates) {
        return new Library(coordinates, version(coordinates));
    }

    /**
     * Whether the behaviour holds for the shipped version of the artifact. An artifact whose version is unknown
     * behaves as today's assumption, the newest version, for which no row with a behaviour of the past holds.
     */
    public boolean holds(Behaviour behaviour, String coordinates) {
        String v = version(coordinates);
        if (v == null) return false;
        for (Row r : TABLE) {
            if (r.behaviour == behaviour && r.coordinates.equals(coordinates) && r.holds(v)) return true;
        }
        return false;
    }

    /**
     * The Jakarta Mail implementation that leaves the server identity unchecked by default, when every
     * implementation shipped does (so that the verdict holds whichever one the application loads); else null.
     * Null too when no implementation is known: then the newest (Angus Mail, check on) is assumed.
     */
    public Library identityUncheckedImplementation() {
        Library found = null;
        for (String c : JAKARTA_MAIL_IMPLEMENTATIONS) {
            if (!versions.containsKey(c)) continue;
            if (!holds(Behaviour.IDENTITY_CHECK_OFF_BY_DEFAULT, c)) return null;
            if (found == null) found = library(c);
        }
        return found;
    }

    /** The Jakarta Mail implementations shipped, newest-named first; empty when none is known. */
    public List<Library> jakartaMailImplementations() {
        List<Library> out = new ArrayList<>();
        for (String c : JAKARTA_MAIL_IMPLEMENTATIONS) {
            if (versions.containsKey(c)) out.add(library(c));
        }
        return out;
    }

    /**
     * The libraries whose versions decide the verdicts on an endpoint of this source (the JSON report lists them):
     * the framework or appender, then the Jakarta Mail implementations. An implementation that is not known is listed
     * as Angus Mail without a version: the newest is assumed.
     */
    public List<Library> forSource(String source, boolean jakartaMail) {
        List<Library> out = new ArrayList<>();
        String own = null;
        switch (source) {
            case "spring-boot": own = "org.springframework.boot:spring-boot-autoconfigure"; break;
            case "simple-java-mail": own = "org.simplejavamail:simple-java-mail"; break;
            case "log4j2": own = "org.apache.logging.log4j:log4j-core"; break;
            case "logback": own = "ch.qos.logback:logback-classic"; break;
            case "quarkus": own = "io.quarkus:quarkus-mailer"; break;
            default: break;
        }
        if (own != null) out.add(library(own));
        if (jakartaMail) {
            List<Library> impls = jakartaMailImplementations();
            out.addAll(impls.isEmpty() ? Collections.singletonList(new Library("org.eclipse.angus:angus-mail", null)) : impls);
        }
        return out;
    }

    /**
     * The shipped mail libraries whose versions the table reads, as {@code groupId:artifactId version}, for a note
     * that says which versions the verdicts used; empty when none is known.
     */
    public List<String> mailLibraries() {
        java.util.Set<String> relevant = new java.util.TreeSet<>(JAKARTA_MAIL_IMPLEMENTATIONS);
        for (Row r : TABLE) relevant.add(r.coordinates);
        for (List<String> names : ALIASES.values()) relevant.addAll(names);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : versions.entrySet()) {
            if (relevant.contains(e.getKey())) out.add(e.getKey() + " " + e.getValue());
        }
        return out;
    }

    /** The name people use for an artifact. */
    static String displayName(String coordinates) {
        switch (coordinates) {
            case "com.sun.mail:javax.mail":
            case "javax.mail:mail":
                return "JavaMail";
            case "com.sun.mail:jakarta.mail":
                return "Jakarta Mail";
            case "org.eclipse.angus:angus-mail":
            case "org.eclipse.angus:jakarta.mail":
                return "Angus Mail";
            case "org.simplejavamail:simple-java-mail":
                return "Simple Java Mail";
            case "org.apache.logging.log4j:log4j-core":
                return "Log4j";
            case "org.springframework.boot:spring-boot-autoconfigure":
                return "Spring Boot";
            default:
                return coordinates.substring(coordinates.indexOf(':') + 1);
        }
    }

    /**
     * Compares Maven-style versions by their numeric parts ({@code 1.6.2} < {@code 1.10}); a qualifier
     * ({@code 2.0.0-RC1}, {@code 5.0.0.Final}) after equal numbers sorts before the release unless it is a release
     * word ({@code Final}, {@code RELEASE}, {@code GA}).
     */
    public static int compare(String a, String b) {
        int[] x = numbers(a);
        int[] y = numbers(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? x[i] : 0;
            int q = i < y.length ? y[i] : 0;
            if (p != q) return p < q ? -1 : 1;
        }
        boolean qa = preRelease(a);
        boolean qb = preRelease(b);
        return qa == qb ? 0 : qa ? -1 : 1;
    }

    private static int[] numbers(String v) {
        String[] parts = v.trim().split("[.\\-_]");
        List<Integer> out = new ArrayList<>();
        for (String p : parts) {
            int end = 0;
            while (end < p.length() && Character.isDigit(p.charAt(end))) end++;
            if (end == 0 || end > 9) break;
            out.add(Integer.parseInt(p.substring(0, end)));
            if (end < p.length()) break;
        }
        int[] r = new int[out.size()];
        for (int i = 0; i < r.length; i++) r[i] = out.get(i);
        return r;
    }

    private static boolean preRelease(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
        String q = s.substring(i).replaceFirst("^[.\\-_]", "");
        return !q.isEmpty() && !q.equals("final") && !q.equals("release") && !q.equals("ga") && !q.startsWith("jre")
                && !q.startsWith("android");
    }

    @Override
    public String toString() { return versions + (origin == null ? "" : " from " + origin); }
}
