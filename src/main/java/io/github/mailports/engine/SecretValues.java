package io.github.mailports.engine;

import io.github.mailports.config.ConfigEntry;
import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.Placeholders;
import io.github.mailports.config.XmlElement;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The secrets of one unit of files, found in one pass over what was read, whatever the extractors make of it:
 * <ul>
 *   <li>the value of every password key: a key with {@code password} or {@code passwd} in its name in properties,
 *       YAML and JSON files ({@code spring.mail.password}, {@code %prod.quarkus.mailer.password},
 *       {@code smtpPassword}, {@code key-store-password}), an XML element ({@code <password>}) or attribute
 *       ({@code smtpPassword="..."}) so named, a value supplied through the plugin's {@code properties} or a
 *       Maven property so named;</li>
 *   <li>what such a value resolves to: the definitions of every variable it names ({@code ${pw}},
 *       {@code ${env:PW:-x}}, {@code @pw@}), followed through further variables, their defaults, the whole
 *       resolved text, and literal text of four or more characters around the variables;</li>
 *   <li>the user info of every URL in any value ({@code smtps://user:pw@host}) and its {@code password=} query
 *       parameter (Camel), and the user info written into a host value ({@code user:pw@smtp.example.com}), also
 *       after its variables are resolved; and the user info of every host an extractor worked out.</li>
 * </ul>
 * Variables are matched loosely (letters and digits only, any case): a secret too many is a masked word, a secret
 * too few is a leak. A password key whose value is {@code true} or {@code false} and whose name does not end in
 * {@code password} ({@code mail.smtp.forcepasswordrefresh}) is a switch, not a secret.
 *
 * <p>Cost: linear in the unit's entries, attributes and texts: each variable's definitions are followed once (a
 * work list, however long the chain), defaults inside defaults to {@value #MAX_DEPTH} levels, a
 * whole resolution stops at {@value #MAX_RESOLVED} characters or {@value #MAX_STEPS} variables, and all whole
 * resolutions of a unit together at {@value #MAX_UNIT_BUDGET} steps and characters (past that, only the
 * definitions themselves are secrets).
 */
final class SecretValues {
    private static final int MAX_DEPTH = 16;
    private static final int MAX_RESOLVED = 65536;
    private static final int MIN_PIECE = 4;
    /** Variables one whole resolution may expand: {@code a=${b}${b}}, {@code b=${c}${c}}, ... stops here. */
    private static final int MAX_STEPS = 10000;
    private static final long MAX_UNIT_BUDGET = 32L * 1024 * 1024;

    /** Canonical variable name to every value defined for it. */
    private final Map<String, List<String>> definitions = new HashMap<>();
    private final Map<String, String> maven;
    private final Secrets secrets = new Secrets();
    /** Canonical names whose definitions were already added (each is followed once). */
    private final Set<String> followed = new HashSet<>();
    private int steps;
    /** Steps and characters all whole resolutions of the unit may take together, so the pass stays linear. */
    private long budget = MAX_UNIT_BUDGET;

    private SecretValues(Map<String, String> maven) {
        this.maven = maven;
    }

    /** The secrets of these files, with values supplied through the request. */
    static Secrets of(List<ConfigFile> files, CheckRequest request) {
        SecretValues s = new SecretValues(request.mavenProperties());
        List<String> passwords = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (Map<String, String> supplied : java.util.Arrays.asList(request.properties(), request.mavenProperties())) {
            for (Map.Entry<String, String> e : supplied.entrySet()) {
                s.define(e.getKey(), e.getValue());
                s.classify(e.getKey(), e.getValue(), passwords, hosts, urls);
            }
        }
        for (ConfigFile f : files) {
            if (f.xml() != null) {
                s.fromXml(f.xml(), passwords, hosts, urls);
                continue;
            }
            if (f.java() != null) { // a Java source: the passwords its code writes as literals
                passwords.addAll(f.java().passwords());
                continue;
            }
            Map<String, String> names = new HashMap<>(); // tree formats: ...property[0].name / .value
            Map<String, String> values = new HashMap<>();
            for (ConfigEntry e : f.entries()) {
                String key = e.key();
                String canonicalKey = canonical(key); // once per entry: define and classify both need it
                s.defineCanonical(canonicalKey, e.value());
                if (key.startsWith("%") && key.indexOf('.') > 0) s.define(key.substring(key.indexOf('.') + 1), e.value());
                if (key.startsWith("property.")) s.define(key.substring("property.".length()), e.value());
                String lower = key.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".name")) names.put(lower.substring(0, lower.length() - 5), e.value());
                else if (lower.endsWith(".value")) values.put(lower.substring(0, lower.length() - 6), e.value());
                s.classifyCanonical(canonicalKey, e.value(), passwords, hosts, urls);
            }
            for (Map.Entry<String, String> n : names.entrySet()) {
                if (values.containsKey(n.getKey())) s.define(n.getValue(), values.get(n.getKey()));
            }
        }
        for (String p : passwords) s.addResolved(p);
        for (String h : hosts) {
            addUserInfo(s.secrets, h);
            if (h.contains("${") || h.indexOf('@') != h.lastIndexOf('@')) addUserInfo(s.secrets, s.resolve(h));
        }
        for (String u : urls) {
            addUrl(s.secrets, u);
            if (u.contains("${")) addUrl(s.secrets, s.resolve(u));
        }
        return s.secrets;
    }

    /** Adds the user info of every host the extractors worked out (a host written with user info). */
    static void addHosts(Secrets secrets, List<MailEndpoint> endpoints) {
        for (MailEndpoint e : endpoints) {
            if (e.host().isKnown()) addUserInfo(secrets, e.host().value());
        }
    }

    private static void addUserInfo(Secrets secrets, String host) {
        if (host == null) return;
        for (String s : Secrets.userInfoSecrets(host)) secrets.add(s);
    }

    private static void addUrl(Secrets secrets, String value) {
        if (value == null) return;
        addUserInfo(secrets, value);
        String lower = value.toLowerCase(Locale.ROOT);
        for (int i = lower.indexOf("password="); i >= 0; i = lower.indexOf("password=", i + 1)) {
            int start = i + "password=".length();
            int end = start;
            if (lower.startsWith("raw(", start)) { // Camel's RAW(...) keeps '&' in the value
                int close = value.indexOf(')', start);
                end = close < 0 ? value.length() : close + 1;
                secrets.add(value.substring(start + 4, Math.max(start + 4, end - 1)));
            } else {
                while (end < value.length() && "&#,; \t\r\n".indexOf(value.charAt(end)) < 0) end++;
            }
            secrets.add(value.substring(start, end));
        }
    }

    private void classify(String key, String value, List<String> passwords, List<String> hosts, List<String> urls) {
        classifyCanonical(canonical(key), value, passwords, hosts, urls);
    }

    /** {@link #classify} with the key already in {@link #canonical} form. */
    private void classifyCanonical(String k, String value, List<String> passwords, List<String> hosts, List<String> urls) {
        if (value == null || value.isEmpty()) return;
        if (isCanonicalPasswordName(k, value)) passwords.add(value);
        if (k.endsWith("host") && (value.indexOf('@') >= 0 || value.contains("${"))) hosts.add(value);
        if (value.contains("://") && (value.indexOf('@') >= 0 || value.contains("${")
                || value.toLowerCase(Locale.ROOT).contains("password="))) urls.add(value);
    }

    private void fromXml(XmlElement root, List<String> passwords, List<String> hosts, List<String> urls) {
        Deque<XmlElement> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            XmlElement e = todo.pop();
            String local = e.localName();
            if (local.equalsIgnoreCase("property") || local.equalsIgnoreCase("variable")) {
                String name = e.attributeValue("name");
                if (name != null) define(name, e.attributeValue("value") != null ? e.attributeValue("value") : e.text());
            }
            if (!e.text().isEmpty()) classify(local, e.text(), passwords, hosts, urls);
            for (XmlElement.Attribute a : e.attributes()) classify(a.name(), a.value(), passwords, hosts, urls);
            for (XmlElement c : e.children()) todo.push(c);
        }
    }

    /** A key, element or attribute that holds a password. */
    static boolean isPasswordName(String key, String value) {
        return isCanonicalPasswordName(canonical(key), value);
    }

    private static boolean isCanonicalPasswordName(String k, String value) {
        if (k.endsWith("password") || k.endsWith("passwd")) return true;
        if (!k.contains("password") && !k.contains("passwd")) return false;
        return !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false");
    }

    /** Letters and digits only, lower case: {@code spring.mail.PASSWORD}, {@code SPRING_MAIL_PASSWORD} agree. */
    static String canonical(String name) {
        int n = name.length();
        int plain = 0;
        while (plain < n) { // already canonical (ASCII lower case letters and digits): the name itself
            char c = name.charAt(plain);
            if ((c < 'a' || c > 'z') && (c < '0' || c > '9')) break;
            plain++;
        }
        if (plain == n) return name;
        // the canonical prefix as it is, then the rest; ASCII without a lookup (letters and digits are [A-Za-z0-9] there)
        char[] out = new char[n];
        name.getChars(0, plain, out, 0);
        int len = plain;
        for (int i = plain; i < n; i++) {
            char c = name.charAt(i);
            if (c < 128) {
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out[len++] = c;
                else if (c >= 'A' && c <= 'Z') out[len++] = (char) (c + ('a' - 'A'));
            } else if (Character.isLetterOrDigit(c)) {
                out[len++] = Character.toLowerCase(c);
            }
        }
        return new String(out, 0, len);
    }

    private void define(String name, String value) {
        if (name == null || value == null) return;
        defineCanonical(canonical(name), value);
    }

    private void defineCanonical(String k, String value) {
        if (value == null) return;
        definitions.computeIfAbsent(k, x -> new ArrayList<>(1)).add(value);
    }

    /**
     * Adds a password value and everything it may resolve to: a work list, not recursion, so that a chain of
     * 100,000 variables neither overflows the stack nor stops early; each variable's definitions join it once.
     */
    private void addResolved(String first) {
        Deque<String> todo = new ArrayDeque<>();
        Deque<Integer> nesting = new ArrayDeque<>(); // how deep in defaults each text sits
        todo.push(first);
        nesting.push(0);
        while (!todo.isEmpty()) {
            String raw = todo.pop();
            int depth = nesting.pop();
            boolean variables = raw.contains("${");
            boolean mavenVariables = raw.indexOf('@') >= 0 && !maven.isEmpty();
            if (!variables) secrets.add(raw); // an '@' in a password is usually just an '@'
            if (variables) {
                String whole = resolve(raw);
                if (whole != null) secrets.add(whole);
                scanVariables(raw, depth, todo, nesting);
            }
            if (mavenVariables) { // @name@, Spring Boot's resource filtering
                for (int at = raw.indexOf('@'), next; at >= 0 && (next = raw.indexOf('@', at + 1)) >= 0; at = next) {
                    String name = raw.substring(at + 1, next);
                    String value = maven.get(name);
                    if (value != null && followed.add("@" + name)) {
                        todo.push(value);
                        nesting.push(0);
                    }
                }
            }
        }
    }

    /** The literal pieces, the definitions of the variables named and their defaults, onto the work list. */
    private void scanVariables(String raw, int depth, Deque<String> todo, Deque<Integer> nesting) {
        int i = 0;
        while (i < raw.length()) {
            int start = raw.indexOf("${", i);
            int end = start < 0 ? -1 : Placeholders.matchingBrace(raw, start + 2);
            if (end < 0) {
                piece(raw.substring(i));
                return;
            }
            piece(raw.substring(i, start));
            String body = raw.substring(start + 2, end);
            String[] parts = body.split(":", -1);
            follow(parts[0], todo, nesting);
            if (parts.length > 1) {
                follow(parts[1].startsWith("-") ? parts[1].substring(1) : parts[1], todo, nesting); // ${env:NAME}
                if (depth < MAX_DEPTH) { // defaults in defaults: 16 levels, so the copies stay linear in the text
                    int colon = body.indexOf(':');
                    String def = body.substring(colon + 1);
                    todo.push(def.startsWith("-") ? def.substring(1) : def); // ${name:default}, ${name:-default}
                    nesting.push(depth + 1);
                    int second = body.indexOf(':', colon + 1);
                    if (second >= 0) {
                        String def2 = body.substring(second + 1);
                        todo.push(def2.startsWith("-") ? def2.substring(1) : def2); // ${env:NAME:-default}
                        nesting.push(depth + 1);
                    }
                }
            }
            i = end + 1;
        }
    }

    private void piece(String text) {
        if (text.trim().length() >= MIN_PIECE) secrets.add(text);
    }

    private void follow(String name, Deque<String> todo, Deque<Integer> nesting) {
        String k = canonical(name);
        if (k.isEmpty() || !followed.add(k)) return;
        List<String> values = definitions.get(k);
        if (values != null) {
            for (String v : values) {
                todo.push(v);
                nesting.push(0);
            }
        }
    }

    /** The text with each variable replaced by its first definition, else its default; null when too long. */
    private String resolve(String raw) {
        StringBuilder out = new StringBuilder();
        steps = 0;
        boolean done = expand(raw, out, 0);
        budget -= steps + out.length();
        return done ? out.toString() : null;
    }

    private boolean expand(String text, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH || ++steps > MAX_STEPS || steps + out.length() > budget) return false;
        int i = 0;
        while (i < text.length()) {
            if (out.length() > MAX_RESOLVED) return false;
            int start = text.indexOf("${", i);
            int end = start < 0 ? -1 : Placeholders.matchingBrace(text, start + 2);
            if (end < 0) {
                out.append(text, i, text.length());
                return true;
            }
            out.append(text, i, start);
            String body = text.substring(start + 2, end);
            String[] parts = body.split(":", -1);
            List<String> found = definitions.get(canonical(parts[0]));
            if (found == null && parts.length > 1) found = definitions.get(canonical(parts[1]));
            if (found != null) {
                if (!expand(found.get(0), out, depth + 1)) return false;
            } else if (parts.length > 1) {
                int colon = body.lastIndexOf(':');
                String def = body.substring(colon + 1);
                if (!expand(def.startsWith("-") ? def.substring(1) : def, out, depth + 1)) return false;
            }
            i = end + 1;
        }
        return true;
    }
}
