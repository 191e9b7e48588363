package io.github.mailports.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mail settings a Java source file writes, as {@link JavaReader} found them: one {@link Group} per
 * {@code java.util.Properties} variable or field, Spring {@code JavaMailSenderImpl}, Commons Email {@code Email}
 * object and Simple Java Mail {@code MailerBuilder} chain, each with the calls that set something; the file's
 * constants (for the other files of its module); and the application keys the code reads
 * ({@code @Value("${spring.mail.x}")}, {@code Environment.getProperty}, {@code @ConfigurationProperties}).
 * Holds no parser type: extractors never see the syntax tree.
 */
public final class JavaCode {
    /** The API a group configures. */
    public enum Api {
        /** {@code java.util.Properties} with {@code mail.*} keys, handed to {@code Session.getInstance}. */
        PROPERTIES,
        /** Spring's {@code JavaMailSenderImpl}. */
        SPRING_SENDER,
        /** Apache Commons Email's {@code Email} (1.x {@code org.apache.commons.mail}, 2.x {@code commons.mail2}). */
        COMMONS_EMAIL,
        /** Simple Java Mail's {@code MailerBuilder} chain. */
        SIMPLE_JAVA_MAIL
    }

    /**
     * A value written in code: a literal (numbers, booleans and enum constants as their text), a constant of
     * another class to look up in the module ({@link #constant}), or something the code computes at run time
     * ({@link #code}: its source text, cut short, for messages).
     */
    public static final class Value {
        private final String literal;
        private final String constant;
        private final String code;

        private Value(String literal, String constant, String code) {
            this.literal = literal;
            this.constant = constant;
            this.code = code;
        }

        public static Value literal(String text) { return new Value(text, null, null); }
        /** A constant not defined in the file: {@code MailKeys.SMTP_HOST} or a static import's {@code SMTP_HOST}. */
        public static Value constant(String name, String code) { return new Value(null, name, code); }
        public static Value computed(String code) { return new Value(null, null, code); }

        /** The literal text, or null when the value is not a literal. */
        public String literal() { return literal; }
        /** The constant's name to look up in the module, or null. */
        public String constant() { return constant; }
        /** The source text of a computed value or constant reference, or null for a literal. */
        public String code() { return code; }
        public boolean isLiteral() { return literal != null; }

        @Override
        public String toString() { return literal != null ? "literal" : constant != null ? "constant " + constant : "computed"; }
    }

    /** One call that sets something: {@code props.put(k, v)}, {@code sender.setPort(587)}, {@code .withSMTPServer(h, 25)}. */
    public static final class Call {
        private final String method;
        private final List<Value> args;
        private final String receiver;
        private final int line;
        private final int column;

        public Call(String method, List<Value> args, String receiver, int line, int column) {
            this.method = method;
            this.args = Collections.unmodifiableList(new ArrayList<>(args));
            this.receiver = receiver;
            this.line = line;
            this.column = column;
        }

        /** The method name as written: {@code put}, {@code setProperty}, {@code setSSLOnConnect}. */
        public String method() { return method; }
        public List<Value> args() { return args; }
        /** The receiver as written ({@code props}, {@code this.props}, {@code sender.getJavaMailProperties()}). */
        public String receiver() { return receiver; }
        /** 1-based line and column of the method name. */
        public int line() { return line; }
        public int column() { return column; }

        @Override
        public String toString() { return receiver + "." + method + "@" + line + ":" + column; }
    }

    /** The settings of one object (or builder chain), in source order. */
    public static final class Group {
        private final Api api;
        private final String name;
        private final String type;
        private final int line;
        private final int column;
        private final List<Call> calls = new ArrayList<>();
        private int sessionLine;
        private int sessionColumn;
        private String transportProtocol;
        private Call connect;

        public Group(Api api, String name, String type, int line, int column) {
            this.api = api;
            this.name = name;
            this.type = type;
            this.line = line;
            this.column = column;
        }

        public Api api() { return api; }
        /** The variable or field as written ({@code props}, {@code mailSender}), or {@code MailerBuilder} for a chain. */
        public String name() { return name; }
        /** The declared class ({@code Properties}, {@code HtmlEmail}, {@code JavaMailSenderImpl}), or null. */
        public String type() { return type; }
        /** Where the object is declared or the chain starts (1-based). */
        public int line() { return line; }
        public int column() { return column; }
        public List<Call> calls() { return calls; }
        /** Where {@code Session.getInstance}/{@code getDefaultInstance} makes a session of this group, or 0. */
        public int sessionLine() { return sessionLine; }
        public int sessionColumn() { return sessionColumn; }
        /** The literal protocol of {@code session.getTransport("smtps")}, or null. */
        public String transportProtocol() { return transportProtocol; }
        /** {@code transport.connect(host, port, user, password)} on a session of this group, or null. */
        public Call connect() { return connect; }

        public void add(Call c) { calls.add(c); }
        public void session(int line, int column) {
            if (sessionLine == 0) {
                sessionLine = line;
                sessionColumn = column;
            }
        }
        public void transportProtocol(String p) { if (transportProtocol == null) transportProtocol = p; }
        public void connect(Call c) { if (connect == null) connect = c; }

        private String openedBy;
        private int openLine;
        private int openColumn;

        /**
         * The code that may add keys the reader cannot see ({@code props.load(in)}, {@code System.getProperties()}, a
         * parameter, a method the object is passed to), or null when every key is written here.
         */
        public String openedBy() { return openedBy; }
        public int openLine() { return openLine; }
        public int openColumn() { return openColumn; }
        public void open(String code, int line, int column) {
            if (openedBy == null) {
                openedBy = code;
                openLine = line;
                openColumn = column;
            }
        }

        @Override
        public String toString() { return api + " " + name + "@" + line + ":" + column + " " + calls; }
    }

    /** An application key the code reads, or a prefix it binds ({@code @ConfigurationProperties}). */
    public static final class Read {
        private final String key;
        private final boolean prefix;
        private final int line;
        private final int column;

        public Read(String key, boolean prefix, int line, int column) {
            this.key = key;
            this.prefix = prefix;
            this.line = line;
            this.column = column;
        }

        public String key() { return key; }
        /** True for a prefix: every key below it is read. */
        public boolean isPrefix() { return prefix; }
        public int line() { return line; }
        public int column() { return column; }
    }

    private final List<Group> groups;
    private final Map<String, String> constants;
    private final List<Read> reads;

    private final boolean parsed;

    public JavaCode(List<Group> groups, Map<String, String> constants, List<Read> reads) {
        this(groups, constants, reads, true);
    }

    private JavaCode(List<Group> groups, Map<String, String> constants, List<Read> reads, boolean parsed) {
        this.parsed = parsed;
        this.groups = Collections.unmodifiableList(new ArrayList<>(groups));
        this.constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
        this.reads = Collections.unmodifiableList(new ArrayList<>(reads));
    }

    /** A file the cheap test found no mail in: never parsed. */
    public static JavaCode none() {
        return new JavaCode(Collections.<Group>emptyList(), Collections.<String, String>emptyMap(), Collections.<Read>emptyList(),
                false);
    }

    /** Whether the file was parsed; false for a file the cheap scan found no mail in ({@link #none()}). */
    public boolean isParsed() { return parsed; }

    public List<Group> groups() { return groups; }
    /**
     * The file's constants with a literal value, under {@code Class.NAME} (the top-level or nested class's simple name)
     * and under {@code NAME} alone, for the other files of the module.
     */
    public Map<String, String> constants() { return constants; }
    public List<Read> reads() { return reads; }

    /**
     * The passwords the code writes as literals ({@code put("mail.smtp.password", "...")}, {@code setPassword("...")},
     * {@code setAuthentication(user, "...")}, {@code withSMTPServer(h, p, u, "...")}, {@code connect(h, p, u, "...")}),
     * so that no report repeats them.
     */
    public List<String> passwords() {
        List<String> out = new ArrayList<>();
        for (Group g : groups) {
            List<Call> calls = new ArrayList<>(g.calls());
            if (g.connect() != null) calls.add(g.connect());
            for (Call c : calls) {
                List<Value> a = c.args();
                String m = c.method();
                Value pw = null;
                if ((m.equals("put") || m.equals("setProperty")) && a.size() == 2 && a.get(0).isLiteral()
                        && a.get(0).literal().toLowerCase(java.util.Locale.ROOT).contains("password")) pw = a.get(1);
                else if ((m.equals("setPassword") || m.equals("withSMTPServerPassword")) && a.size() == 1) pw = a.get(0);
                else if (m.equals("setAuthentication") && a.size() == 2) pw = a.get(1);
                else if ((m.equals("withSMTPServer") || m.equals("connect")) && a.size() == 4) pw = a.get(3);
                else if (m.equals("connect") && a.size() == 3) pw = a.get(2);
                if (pw != null && pw.isLiteral() && !pw.literal().isEmpty()) out.add(pw.literal());
            }
        }
        return out;
    }
}
