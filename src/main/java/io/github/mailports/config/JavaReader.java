package io.github.mailports.config;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.BlockComment;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.CommentsCollection;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.UnaryExpr.Operator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the mail settings a Java source file writes ({@link JavaCode}), with JavaParser. A file is parsed only
 * when a cheap byte test ({@link #mentionsMail}) finds {@code mail.} written where a mail API or a mail key would
 * have it; every other file costs one pass over its bytes. Values are taken as written: literals, constants of the
 * file (and, through {@link JavaCode#constants()}, of the module), local variables assigned once from a literal;
 * anything the code computes is kept as unknown, never guessed.
 */
public final class JavaReader {
    /** Java files larger than this are not parsed: hand-written sources are far smaller, generated ones hold no settings. */
    public static final int MAX_PARSE_BYTES = 1024 * 1024;
    private static final int MAX_CODE_CHARS = 60;
    private static final Set<String> COMMONS_TYPES = new HashSet<>(Arrays.asList("Email", "SimpleEmail", "HtmlEmail",
            "MultiPartEmail", "ImageHtmlEmail"));
    private static final Set<String> COMMONS_SETTERS = new HashSet<>(Arrays.asList("setHostName", "setSmtpPort",
            "setSslSmtpPort", "setSSLOnConnect", "setSSL", "setTLS", "setStartTLSEnabled", "setStartTLSRequired",
            "setSSLCheckServerIdentity", "setAuthentication", "setAuthenticator", "setSocketTimeout",
            "setSocketConnectionTimeout", "setMailSession"));
    private static final Set<String> SPRING_SETTERS = new HashSet<>(Arrays.asList("setHost", "setPort", "setProtocol",
            "setUsername", "setPassword", "setJavaMailProperties", "setSession"));
    private static final Set<String> SJM_CALLS = new HashSet<>(Arrays.asList("withSMTPServer", "withSMTPServerHost",
            "withSMTPServerPort", "withSMTPServerUsername", "withSMTPServerPassword", "withTransportStrategy",
            "trustingAllHosts", "trustingSSLHosts", "verifyingServerIdentity", "withSessionTimeout", "buildMailer"));
    /** The calls the walk looks at; every other call costs one look-up. */
    private static final Set<String> INTERESTING = new HashSet<>(Arrays.asList("put", "setProperty", "getInstance",
            "getDefaultInstance", "getTransport", "connect", "getProperty", "getRequiredProperty", "containsProperty",
            "getJavaMailProperties"));
    static {
        INTERESTING.addAll(COMMONS_SETTERS);
        INTERESTING.addAll(SPRING_SETTERS);
        INTERESTING.addAll(SJM_CALLS);
    }
    private static final Set<String> PROPERTY_TYPES = new HashSet<>(Arrays.asList("Properties", "Hashtable", "Map",
            "HashMap"));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");
    private static final Pattern MAIL_SETTINGS = Pattern.compile("(?:put|setProperty)\\s*\\(\\s*\"mail\\.|JavaMailSenderImpl"
            + "|MailerBuilder|Session\\s*\\.\\s*get(?:Default)?Instance|set(?:SSLOnConnect|StartTLSEnabled|StartTLSRequired"
            + "|SSLCheckServerIdentity|SmtpPort|SslSmtpPort)\\s*\\(");

    /**
     * What makes a file that mentions mail worth parsing: a quoted {@code mail.} key, a {@code spring.mail.} key, or a
     * call of an API that sets up a connection. A class that only builds messages ({@code MimeMessageHelper}) is not.
     */
    private static final Pattern WORTH_PARSING = Pattern.compile("\"mail\\.|spring\\.mail\\.|JavaMailSenderImpl|MailerBuilder"
            + "|Session\\s*\\.\\s*get(?:Default)?Instance|setSSLOnConnect|setStartTLS|setSSLCheckServerIdentity|setSmtpPort|setSslSmtpPort"
            + "|setHostName|setSSL|setTLS|getTransport");

    private JavaReader() {
    }

    /**
     * Whether the bytes hold {@code mail.} after {@code .}, a quote, <code>{</code> or {@code java}: a mail package
     * ({@code javax.mail.}, {@code jakarta.mail.}, {@code org.apache.commons.mail.}, {@code org.springframework.mail.},
     * {@code org.simplejavamail.}) or a mail key ({@code "mail.smtp.host"}, {@code ${spring.mail.host}}); an
     * {@code email.} variable does not count. One pass, no allocation.
     */
    public static boolean mentionsMail(byte[] b) {
        return mentionsMail(b, b.length);
    }

    /**
     * {@link #mentionsMail(byte[])} on the first {@code length} bytes (a reused read buffer). A Horspool search for
     * {@code mail.}: the byte under the window's last place says how far the window may move (most bytes of a source
     * are none of {@code m a i l .}, so it moves five at a time), then the byte before a match is looked at.
     */
    public static boolean mentionsMail(byte[] b, int length) {
        for (int end = 5; end < length; ) { // b[end] is the '.' of a "mail." starting at end - 4 >= 1
            byte c = b[end];
            if (c == '.') {
                int i = end - 4;
                if (b[i] == 'm' && b[i + 1] == 'a' && b[i + 2] == 'i' && b[i + 3] == 'l') {
                    byte before = b[i - 1];
                    if (before == '.' || before == '"' || before == '{') return true;
                    if (i >= 4 && b[i - 4] == 'j' && b[i - 3] == 'a' && b[i - 2] == 'v' && b[i - 1] == 'a') return true;
                }
                end += 5;
            } else if (c == 'l') {
                end += 1;
            } else if (c == 'i') {
                end += 2;
            } else if (c == 'a') {
                end += 3;
            } else if (c == 'm') {
                end += 4;
            } else {
                end += 5;
            }
        }
        return false;
    }

    /** Whether a file's text plainly writes mail settings: then a parse failure must not pass unnoticed. */
    public static boolean holdsMailSettings(String text) {
        return MAIL_SETTINGS.matcher(text).find();
    }

    /**
     * Reads one file: parsed only when it {@linkplain #mentionsMail mentions mail} and names a mail key or a call
     * that sets up a connection. A parse error, a file over {@link #MAX_PARSE_BYTES} or a failure of the parser is a
     * {@link ConfigParseException}; it is {@linkplain ConfigParseException#isNote() a note} unless
     * {@link #holdsMailSettings} finds mail settings in the text.
     */
    public static ConfigFile read(String path, byte[] bytes) throws ConfigParseException {
        if (!mentionsMail(bytes)) return ConfigFile.ofJava(path, JavaCode.none(), new ArrayList<io.github.mailports.config.Comment>());
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        if (!WORTH_PARSING.matcher(text).find()) {
            return ConfigFile.ofJava(path, JavaCode.none(), new ArrayList<io.github.mailports.config.Comment>());
        }
        boolean mail = holdsMailSettings(text);
        if (bytes.length > MAX_PARSE_BYTES) {
            throw new ConfigParseException("the Java file is " + (bytes.length / 1024) + " KiB, larger than the "
                    + (MAX_PARSE_BYTES / 1024) + " KiB a Java source is parsed to; it was not read", 1, 1, !mail);
        }
        try {
            ParserConfiguration cfg = new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                    // tokens stay on: JavaParser computes node positions from them
                    .setAttributeComments(false)
                    .setLexicalPreservationEnabled(false);
            ParseResult<CompilationUnit> result = new JavaParser(cfg).parse(text);
            if (!result.isSuccessful() || !result.getResult().isPresent()) {
                Problem p = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
                int line = 1;
                int col = 1;
                if (p != null && p.getLocation().isPresent() && p.getLocation().get().getBegin().getRange().isPresent()) {
                    Position at = p.getLocation().get().getBegin().getRange().get().begin;
                    line = at.line;
                    col = at.column;
                }
                // the parser's own message quotes the source: say only where
                throw new ConfigParseException("the Java source does not parse (JavaParser: a syntax error)", line, col, !mail);
            }
            CompilationUnit cu = result.getResult().get();
            List<io.github.mailports.config.Comment> comments = comments(result.getCommentsCollection(), text);
            return ConfigFile.ofJava(path, new Walk(cu).run(), comments);
        } catch (RuntimeException | StackOverflowError e) {
            // a parser or walker bug must not stop the run: the file is reported, the others are checked
            throw new ConfigParseException("the Java reader failed (" + e.getClass().getSimpleName()
                    + "); please report this file's shape", 1, 1, !mail);
        }
    }

    private static List<io.github.mailports.config.Comment> comments(Optional<CommentsCollection> all, String text) {
        List<io.github.mailports.config.Comment> out = new ArrayList<>();
        if (!all.isPresent()) return out;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (Comment c : all.get().getComments()) {
            if (!c.getRange().isPresent()) continue;
            Position at = c.getRange().get().begin;
            String content = c.getContent();
            if (c instanceof BlockComment || c.isJavadocComment()) {
                StringBuilder b = new StringBuilder();
                for (String l : content.split("\r\n|\r|\n")) {
                    String t = l.trim();
                    if (t.startsWith("*")) t = t.substring(1).trim();
                    if (b.length() > 0 && !t.isEmpty()) b.append(' ');
                    b.append(t);
                }
                content = b.toString();
            }
            boolean ownLine = at.line - 1 < lines.length && lines[at.line - 1].substring(0,
                    Math.min(lines[at.line - 1].length(), Math.max(0, at.column - 1))).trim().isEmpty();
            out.add(io.github.mailports.config.Comment.of(content.trim(), at.line, at.column, ownLine));
        }
        return out;
    }

    /** One pass over a parsed file. */
    private static final class Walk {
        private final CompilationUnit cu;
        private final boolean commonsEmail;
        /** Constants of this file: {@code NAME} and {@code Class.NAME} to their literal text. */
        private final Map<String, String> constants = new LinkedHashMap<>();
        /** Final instance fields of this file with a literal initializer ({@code private final String p = "smtp";}). */
        private final Map<String, String> finalFields = new HashMap<>();
        private final Map<String, JavaCode.Group> groups = new LinkedHashMap<>();
        /** Session variables (scope key) to the group whose properties made them; the same for transports. */
        private final Map<String, JavaCode.Group> sessions = new HashMap<>();
        private final Map<String, JavaCode.Group> transports = new HashMap<>();
        /** Variables holding a sender's {@code getJavaMailProperties()} (scope key) to that sender's receiver. */
        private final Map<String, String[]> senderProperties = new HashMap<>();
        private final List<JavaCode.Read> reads = new ArrayList<>();
        /** setJavaMailProperties(props): the sender's group and the properties' scope key. */
        private final List<Object[]> links = new ArrayList<>();

        /** The Commons Email package the file imports ({@code org.apache.commons.mail}, {@code ...mail2.jakarta}), or null. */
        private final String commonsPackage;
        /** Whether the file uses {@code javax.mail} (and not {@code jakarta.mail}). */
        private final boolean javax;

        Walk(CompilationUnit cu) {
            this.cu = cu;
            String commons = null;
            boolean javaxMail = false;
            boolean jakartaMail = false;
            for (com.github.javaparser.ast.ImportDeclaration i : cu.getImports()) {
                String n = i.getNameAsString();
                if (n.startsWith("org.apache.commons.mail")) {
                    String pkg = i.isAsterisk() ? n : n.substring(0, Math.max(0, n.lastIndexOf('.')));
                    if (commons == null || pkg.length() > commons.length()) commons = pkg;
                }
                if (n.startsWith("javax.mail")) javaxMail = true;
                if (n.startsWith("jakarta.mail")) jakartaMail = true;
            }
            this.commonsEmail = commons != null;
            this.commonsPackage = commons;
            this.javax = javaxMail && !jakartaMail;
        }

        JavaCode run() {
            collectConstants();
            for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) call(m);
            for (AnnotationExpr a : cu.findAll(AnnotationExpr.class)) annotation(a);
            for (Map.Entry<String, JavaCode.Group> e : groups.entrySet()) {
                if (e.getValue().api() != JavaCode.Api.SIMPLE_JAVA_MAIL) openness(e.getKey(), e.getValue());
            }
            for (Object[] link : links) {
                JavaCode.Group sender = (JavaCode.Group) link[0];
                JavaCode.Group props = link[1] instanceof String ? groups.get((String) link[1]) : null;
                if (link[1] instanceof Node) { // setJavaMailProperties(loadProperties()): keys the reader cannot see
                    open(sender, (Node) link[1], link[1].toString());
                    continue;
                }
                if (props == null || props == sender) continue;
                if (props.openedBy() != null) sender.open(props.openedBy(), props.openLine(), props.openColumn());
                for (JavaCode.Call c : props.calls()) sender.add(c);
                if (props.sessionLine() == 0) groups.values().remove(props);
            }
            List<JavaCode.Group> out = new ArrayList<>();
            for (JavaCode.Group g : groups.values()) {
                if (!g.calls().isEmpty() || g.sessionLine() > 0 && g.api() == JavaCode.Api.PROPERTIES && hasMailKey(g)) out.add(g);
            }
            Map<String, String> exported = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : constants.entrySet()) exported.put(e.getKey(), e.getValue());
            return new JavaCode(out, exported, reads);
        }

        /**
         * Marks a group whose keys may come from code the reader does not follow: a parameter, an
         * initializer or assignment other than {@code new Properties()} ({@code System.getProperties()} holds the
         * JVM's {@code -Dmail.*} options); for a {@code Properties} also {@code load}/{@code loadFromXML}/{@code putAll},
         * the object passed to a method other than {@code Session.getInstance}/{@code setJavaMailProperties}, or
         * returned before any session is made.
         */
        private void openness(String key, JavaCode.Group g) {
            String name = g.name();
            boolean local = key.startsWith("L");
            Node where = null;
            if (local) {
                for (Node c : scopes.keySet()) {
                    Scope sc = scopes.get(c);
                    Node d = sc.declaredIn.get(name);
                    if (d != null && key.equals("L" + position(d) + ":" + name)) { where = d; break; }
                }
                if (where == null) where = declaredBlock(key, name); // keyed by its declaration (localKey)
            } else {
                where = cu;
            }
            if (where == null) return;
            for (Parameter p : where.findAll(Parameter.class)) {
                if (local && p.getNameAsString().equals(name) && callable(p) == where) open(g, p, "the parameter " + name);
            }
            for (VariableDeclarator v : where.findAll(VariableDeclarator.class)) {
                if (!v.getNameAsString().equals(name) || !v.getInitializer().isPresent()) continue;
                boolean field = v.getParentNode().isPresent() && v.getParentNode().get() instanceof FieldDeclaration;
                if (local == field) continue;
                if (!isNewEmpty(v.getInitializer().get())) open(g, v.getInitializer().get(), v.getInitializer().get().toString());
            }
            for (AssignExpr a : where.findAll(AssignExpr.class)) {
                if (isName(a.getTarget(), name) && !isNewEmpty(a.getValue())) open(g, a.getValue(), a.getValue().toString());
            }
            // a sender or an Email object handed on or returned is configured: only its origin can add settings
            if (g.api() != JavaCode.Api.PROPERTIES) return;
            for (com.github.javaparser.ast.stmt.ReturnStmt r : where.findAll(com.github.javaparser.ast.stmt.ReturnStmt.class)) {
                if (g.sessionLine() == 0 && r.getExpression().isPresent() && isName(r.getExpression().get(), name)) {
                    open(g, r, "the caller of the method that returns " + name); // it may add keys before the session
                }
            }
            for (MethodCallExpr m : where.findAll(MethodCallExpr.class)) {
                String n = m.getNameAsString();
                if (m.getScope().isPresent() && isName(m.getScope().get(), name)
                        && (n.equals("load") || n.equals("loadFromXML") || n.equals("putAll"))) {
                    open(g, m, m.toString());
                    continue;
                }
                // props.put(key, value) with a key the code computes (DSpace's mail.extraproperties loop): any
                // mail.* key may be set there, STARTTLS or SSL included
                if (m.getScope().isPresent() && isName(m.getScope().get(), name) && m.getArguments().size() == 2
                        && (n.equals("put") || n.equals("setProperty")) && computedKey(m.getArgument(0), m)) {
                    open(g, m, m.toString());
                    continue;
                }
                if (n.equals("getInstance") || n.equals("getDefaultInstance") || n.equals("setJavaMailProperties")) continue;
                for (Expression arg : m.getArguments()) {
                    if (isName(arg, name)) open(g, m, m.toString());
                }
            }
        }

        /** Whether a key argument is neither a literal nor a constant: the reader cannot tell which key it is. */
        private boolean computedKey(Expression arg, Node context) {
            JavaCode.Value key = value(arg, context);
            return !key.isLiteral() && key.constant() == null && !arg.toString().startsWith("\"mail.");
        }

        /** The block holding the local variable whose {@link #localKey} is {@code key}, or null. */
        private Node declaredBlock(String key, String name) {
            for (VariableDeclarator v : cu.findAll(VariableDeclarator.class)) {
                if (!v.getNameAsString().equals(name) || !key.equals("L" + position(v) + ":" + name)) continue;
                Node block = v.getParentNode().orElse(null);
                while (block != null && !(block instanceof com.github.javaparser.ast.stmt.BlockStmt)) {
                    block = block.getParentNode().orElse(null);
                }
                return block;
            }
            return null;
        }

        private static boolean isName(Expression e, String name) {
            return e instanceof NameExpr && ((NameExpr) e).getNameAsString().equals(name)
                    || e instanceof FieldAccessExpr && ((FieldAccessExpr) e).getScope() instanceof ThisExpr
                    && ((FieldAccessExpr) e).getNameAsString().equals(name);
        }

        /** {@code new Properties()} (or another map) without arguments: nothing in it yet. */
        private static boolean isNewEmpty(Expression e) {
            return e instanceof ObjectCreationExpr && ((ObjectCreationExpr) e).getArguments().isEmpty()
                    && !((ObjectCreationExpr) e).getAnonymousClassBody().isPresent();
        }

        private static void open(JavaCode.Group g, Node at, String code) {
            Position p = at.getBegin().orElse(new Position(1, 1));
            g.open(cut(code), p.line, p.column);
        }

        private static boolean hasMailKey(JavaCode.Group g) {
            return !g.calls().isEmpty();
        }

        // ---- constants

        private void collectConstants() {
            List<FieldDeclaration> fields = cu.findAll(FieldDeclaration.class);
            for (int pass = 0; pass < 2; pass++) { // a constant built from another constant further down
                for (FieldDeclaration f : fields) {
                    boolean iface = f.getParentNode().isPresent() && f.getParentNode().get() instanceof ClassOrInterfaceDeclaration
                            && ((ClassOrInterfaceDeclaration) f.getParentNode().get()).isInterface();
                    if (!iface && !f.isFinal()) continue;
                    boolean instance = !iface && !f.isStatic();
                    String owner = owner(f);
                    for (VariableDeclarator v : f.getVariables()) {
                        if (!v.getInitializer().isPresent()) continue;
                        String value = fold(v.getInitializer().get(), v);
                        if (value == null) continue;
                        if (instance) { // final with an initializer: never assigned again, but not the module's
                            finalFields.put(v.getNameAsString(), value);
                            continue;
                        }
                        constants.put(v.getNameAsString(), value);
                        if (owner != null) constants.put(owner + "." + v.getNameAsString(), value);
                    }
                }
            }
        }

        private static String owner(Node n) {
            Optional<Node> p = n.getParentNode();
            while (p.isPresent()) {
                if (p.get() instanceof TypeDeclaration) return ((TypeDeclaration<?>) p.get()).getNameAsString();
                p = p.get().getParentNode();
            }
            return null;
        }

        /** The literal text of an expression built only of literals and known constants, else null. */
        private String fold(Expression e, Node context) {
            if (e instanceof EnclosedExpr) return fold(((EnclosedExpr) e).getInner(), context);
            if (e instanceof CastExpr) return fold(((CastExpr) e).getExpression(), context);
            if (e instanceof StringLiteralExpr) return ((StringLiteralExpr) e).asString();
            if (e instanceof TextBlockLiteralExpr) return ((TextBlockLiteralExpr) e).asString();
            if (e instanceof CharLiteralExpr) return ((CharLiteralExpr) e).asChar() + "";
            if (e instanceof IntegerLiteralExpr) {
                try {
                    return String.valueOf(((IntegerLiteralExpr) e).asNumber());
                } catch (RuntimeException x) {
                    return null;
                }
            }
            if (e instanceof LongLiteralExpr) {
                try {
                    return String.valueOf(((LongLiteralExpr) e).asNumber());
                } catch (RuntimeException x) {
                    return null;
                }
            }
            if (e instanceof BooleanLiteralExpr) return String.valueOf(((BooleanLiteralExpr) e).getValue());
            if (e instanceof UnaryExpr && ((UnaryExpr) e).getOperator() == Operator.MINUS) {
                String inner = fold(((UnaryExpr) e).getExpression(), context);
                return inner != null && inner.matches("\\d+") ? "-" + inner : null;
            }
            if (e instanceof FieldAccessExpr) {
                FieldAccessExpr f = (FieldAccessExpr) e;
                String scope = f.getScope().toString();
                if (scope.equals("Boolean") || scope.equals("java.lang.Boolean")) {
                    if (f.getNameAsString().equals("TRUE")) return "true";
                    if (f.getNameAsString().equals("FALSE")) return "false";
                }
                if (f.getScope() instanceof ThisExpr) {
                    String v = constants.get(f.getNameAsString());
                    return v != null ? v : finalFields.get(f.getNameAsString());
                }
                String simple = scope.substring(scope.lastIndexOf('.') + 1);
                return constants.get(simple + "." + f.getNameAsString());
            }
            if (e instanceof NameExpr) {
                String n = ((NameExpr) e).getNameAsString();
                String local = localLiteral(n, context);
                if (local != null) return local;
                if (shadowed(n, context)) return null;
                String v = constants.get(n);
                return v != null ? v : finalFields.get(n);
            }
            if (e instanceof BinaryExpr && ((BinaryExpr) e).getOperator() == BinaryExpr.Operator.PLUS) {
                BinaryExpr b = (BinaryExpr) e;
                String l = fold(b.getLeft(), context);
                String r = fold(b.getRight(), context);
                if (l == null || r == null) return null;
                if (isString(b.getLeft()) || isString(b.getRight())) return l + r;
                return null;
            }
            if (e instanceof MethodCallExpr) {
                MethodCallExpr m = (MethodCallExpr) e;
                String scope = m.getScope().isPresent() ? m.getScope().get().toString() : "";
                String n = m.getNameAsString();
                if (m.getArguments().size() == 1 && (scope.equals("String") && n.equals("valueOf")
                        || (scope.equals("Integer") || scope.equals("Boolean") || scope.equals("Long"))
                        && (n.equals("valueOf") || n.equals("toString") || n.equals("parseInt") || n.equals("parseBoolean")))) {
                    return fold(m.getArgument(0), context);
                }
            }
            return null;
        }

        private boolean isString(Expression e) {
            while (e instanceof EnclosedExpr) e = ((EnclosedExpr) e).getInner();
            return e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr || e instanceof BinaryExpr
                    && (isString(((BinaryExpr) e).getLeft()) || isString(((BinaryExpr) e).getRight()))
                    || e instanceof NameExpr || e instanceof FieldAccessExpr; // a String constant
        }

        // ---- scopes

        /** The method, constructor, initializer or lambda a node is in, or null for a field initializer. */
        private static Node callable(Node n) {
            Optional<Node> p = n.getParentNode();
            while (p.isPresent()) {
                Node x = p.get();
                if (x instanceof CallableDeclaration || x instanceof InitializerDeclaration || x instanceof LambdaExpr) return x;
                if (x instanceof TypeDeclaration) return null;
                p = x.getParentNode();
            }
            return null;
        }

        /**
         * What one callable declares, worked out once (a file with many calls is still one pass per callable): its
         * local variables and parameters (and those of the callables around it) with their simple types and the
         * callable that declares each, the single declarator of each name, and the names assigned anywhere in it.
         */
        private static final class Scope {
            final Map<String, String> types = new HashMap<>();
            final Map<String, Node> declaredIn = new HashMap<>();
            final Map<String, VariableDeclarator> declarator = new HashMap<>();
            final Set<String> repeated = new HashSet<>();
            final Set<String> assigned = new HashSet<>();
        }

        private final Map<Node, Scope> scopes = new IdentityHashMap<>();

        private Scope scope(Node callable) {
            Scope sc = scopes.get(callable);
            if (sc != null) return sc;
            sc = new Scope();
            Node outer = callable(callable);
            if (outer != null) {
                Scope o = scope(outer);
                sc.types.putAll(o.types);
                sc.declaredIn.putAll(o.declaredIn);
                sc.declarator.putAll(o.declarator);
                sc.repeated.addAll(o.repeated);
                sc.assigned.addAll(o.assigned);
            }
            for (Parameter p : callable.findAll(Parameter.class)) {
                if (callable(p) != callable) continue;
                sc.types.put(p.getNameAsString(), simple(p.getType().asString()));
                sc.declaredIn.put(p.getNameAsString(), callable);
                sc.repeated.add(p.getNameAsString()); // a parameter has no literal
            }
            for (VariableDeclarator v : callable.findAll(VariableDeclarator.class)) {
                if (v.getParentNode().isPresent() && v.getParentNode().get() instanceof FieldDeclaration) continue;
                if (callable(v) != callable) continue;
                String n = v.getNameAsString();
                String t = simple(v.getType().asString());
                if (t.equals("var") && v.getInitializer().isPresent() && v.getInitializer().get() instanceof ObjectCreationExpr) {
                    t = simple(((ObjectCreationExpr) v.getInitializer().get()).getType().getNameAsString());
                }
                sc.types.put(n, t);
                sc.declaredIn.put(n, callable);
                if (sc.declarator.put(n, v) != null) sc.repeated.add(n);
            }
            for (AssignExpr a : callable.findAll(AssignExpr.class)) {
                if (a.getTarget() instanceof NameExpr) sc.assigned.add(((NameExpr) a.getTarget()).getNameAsString());
            }
            scopes.put(callable, sc);
            return sc;
        }

        /** Local variables and parameters of a callable (and the callables around it): name to simple type. */
        private Map<String, String> locals(Node callable) {
            return scope(callable).types;
        }

        /** Whether a name is a local variable or parameter where it is used (so no constant of the class). */
        private boolean shadowed(String name, Node at) {
            Node c = callable(at);
            return c != null && locals(c).containsKey(name);
        }

        /** A local variable's literal, when it is declared once with a literal and never assigned again. */
        private String localLiteral(String name, Node at) {
            Node c = callable(at);
            if (c == null) return null;
            Scope sc = scope(c);
            VariableDeclarator decl = sc.declarator.get(name);
            if (decl == null || sc.repeated.contains(name) || sc.assigned.contains(name) || !decl.getInitializer().isPresent()) {
                return null;
            }
            return fold(decl.getInitializer().get(), decl);
        }

        /** The declared simple type of a field of the classes around a node, or null. */
        private static String fieldType(String name, Node at) {
            Optional<Node> p = at.getParentNode();
            while (p.isPresent()) {
                if (p.get() instanceof TypeDeclaration) {
                    for (FieldDeclaration f : ((TypeDeclaration<?>) p.get()).getFields()) {
                        for (VariableDeclarator v : f.getVariables()) {
                            if (v.getNameAsString().equals(name)) return simple(v.getType().asString());
                        }
                    }
                }
                p = p.get().getParentNode();
            }
            return null;
        }

        private static String simple(String type) {
            int lt = type.indexOf('<');
            if (lt >= 0) type = type.substring(0, lt);
            return type.substring(type.lastIndexOf('.') + 1);
        }

        /** A receiver's name and scope key ({@code L<callable position>:name} or {@code F<class>:name}), or null. */
        private String[] receiver(Expression scope) {
            String name;
            boolean field = false;
            if (scope instanceof NameExpr) {
                name = ((NameExpr) scope).getNameAsString();
            } else if (scope instanceof FieldAccessExpr && ((FieldAccessExpr) scope).getScope() instanceof ThisExpr) {
                name = ((FieldAccessExpr) scope).getNameAsString();
                field = true;
            } else {
                return null;
            }
            Node c = callable(scope);
            if (!field && c != null && locals(c).containsKey(name)) {
                return new String[] {name, localKey(name, scope, c), locals(c).get(name)};
            }
            String type = fieldType(name, scope);
            return new String[] {name, "F" + owner(scope) + ":" + name, type};
        }

        /**
         * The scope key of a local variable used at {@code use}: its declaration visible there (the latest one before
         * the use in a block around it), so that two {@code Email email} in sibling blocks of one method, as in
         * CodeQL's InsecureSimpleEmailTest, are two objects; a parameter or a name declared in an outer callable keys
         * on that callable.
         */
        private String localKey(String name, Node use, Node c) {
            VariableDeclarator best = visible(name, use, c);
            return "L" + position(best != null ? best : declaring(name, c)) + ":" + name;
        }

        /** The declaration of the local variable {@code name} visible at {@code use}, or null (a parameter, an outer one). */
        private VariableDeclarator visible(String name, Node use, Node c) {
            VariableDeclarator best = null;
            Position at = use.getBegin().orElse(null);
            for (VariableDeclarator v : c.findAll(VariableDeclarator.class)) {
                if (!v.getNameAsString().equals(name) || callable(v) != c || !v.getBegin().isPresent() || at == null) continue;
                if (v.getBegin().get().isAfter(at)) continue;
                Node block = v.getParentNode().isPresent() ? v.getParentNode().get() : null;
                while (block != null && !(block instanceof com.github.javaparser.ast.stmt.BlockStmt)
                        && !(block instanceof com.github.javaparser.ast.stmt.ForStmt)
                        && !(block instanceof com.github.javaparser.ast.stmt.ForEachStmt)
                        && !(block instanceof com.github.javaparser.ast.stmt.TryStmt)
                        && !(block instanceof com.github.javaparser.ast.stmt.SwitchEntry)) {
                    block = block.getParentNode().isPresent() ? block.getParentNode().get() : null;
                }
                if (block != null && !block.isAncestorOf(use)) continue; // declared in a block that has ended
                if (best == null || v.getBegin().get().isAfter(best.getBegin().get())) best = v;
            }
            return best;
        }

        /** The innermost callable (this one or one around it) that declares the name. */
        private Node declaring(String name, Node c) {
            Node at = scope(c).declaredIn.get(name);
            return at != null ? at : c;
        }

        private static String position(Node n) {
            return n.getBegin().isPresent() ? n.getBegin().get().line + "." + n.getBegin().get().column : "?";
        }

        // ---- calls

        private void call(MethodCallExpr m) {
            String name = m.getNameAsString();
            if (m.getScope().isPresent() && isMailerBuilder(m.getScope().get())) { // the first call of a chain
                simpleJavaMail(m);
                return;
            }
            if (!INTERESTING.contains(name)) return; // list.add, s.length(): one set look-up, no scope work
            if (!m.getScope().isPresent()) {
                if ((name.equals("getProperty") || name.equals("getRequiredProperty")) && !m.getArguments().isEmpty()) {
                    read(m.getArgument(0), m);
                }
                return;
            }
            Expression scope = m.getScope().get();
            if (name.equals("getProperty") || name.equals("getRequiredProperty") || name.equals("containsProperty")) {
                if (!m.getArguments().isEmpty()) read(m.getArgument(0), m);
            }
            String scopeText = scope.toString();
            if ((name.equals("getInstance") || name.equals("getDefaultInstance"))
                    && (scopeText.equals("Session") || scopeText.endsWith(".mail.Session")) && !m.getArguments().isEmpty()) {
                session(m);
                return;
            }
            if (name.equals("getJavaMailProperties") && m.getArguments().isEmpty()) {
                // Properties props = sender.getJavaMailProperties(); props.put(...): the sender's own properties
                String[] sender = receiver(scope);
                String alias = assignedTo(m);
                if (sender != null && alias != null) senderProperties.put(alias, sender);
                return;
            }
            if ((name.equals("put") || name.equals("setProperty")) && m.getArguments().size() == 2) {
                String[] owner = receiver(scope);
                if (owner != null && senderProperties.containsKey(owner[1])) {
                    group(JavaCode.Api.SPRING_SENDER, senderProperties.get(owner[1]), scope).add(call(m, scopeText));
                    return;
                }
                if (scope instanceof MethodCallExpr && ((MethodCallExpr) scope).getNameAsString().equals("getJavaMailProperties")
                        && ((MethodCallExpr) scope).getScope().isPresent()) {
                    String[] r = receiver(((MethodCallExpr) scope).getScope().get());
                    if (r != null) {
                        group(JavaCode.Api.SPRING_SENDER, r, scope).add(call(m, scopeText));
                        return;
                    }
                }
                String[] r = receiver(scope);
                if (r == null || r[2] != null && !PROPERTY_TYPES.contains(r[2]) && !r[2].equals("var")) return;
                JavaCode.Value key = value(m.getArgument(0), m);
                boolean mailKey = key.isLiteral() ? key.literal().startsWith("mail.")
                        : key.constant() != null ? r[2] != null // a constant of another class: looked up in the module
                        : m.getArgument(0).toString().startsWith("\"mail."); // "mail." + protocol + ".host"
                if (mailKey) group(JavaCode.Api.PROPERTIES, r, scope).add(call(m, scopeText));
                return;
            }
            String[] r = receiver(scope);
            if (r == null) {
                return;
            }
            String type = r[2];
            if (sessions.containsKey(r[1]) && name.equals("getTransport") && m.getArguments().size() == 1) {
                JavaCode.Value p = value(m.getArgument(0), m);
                if (p.isLiteral()) sessions.get(r[1]).transportProtocol(p.literal());
                String t = assignedTo(m);
                if (t != null) transports.put(t, sessions.get(r[1]));
                return;
            }
            if (transports.containsKey(r[1]) && name.equals("connect") && m.getArguments().size() >= 3) {
                transports.get(r[1]).connect(call(m, scopeText));
                return;
            }
            if ("JavaMailSenderImpl".equals(type) && SPRING_SETTERS.contains(name) && m.getArguments().size() == 1) {
                JavaCode.Group g = group(JavaCode.Api.SPRING_SENDER, r, scope);
                g.add(call(m, scopeText));
                if (name.equals("setJavaMailProperties")) {
                    String[] p = receiver(m.getArgument(0));
                    links.add(new Object[] {g, p != null ? p[1] : m.getArgument(0)});
                }
                return;
            }
            if (commonsEmail && type != null && COMMONS_TYPES.contains(type) && COMMONS_SETTERS.contains(name)) {
                group(JavaCode.Api.COMMONS_EMAIL, r, scope).add(call(m, scopeText));
            }
        }

        private JavaCode.Group group(JavaCode.Api api, String[] r, Node at) {
            JavaCode.Group g = groups.get(r[1]);
            if (g == null) {
                Position p = declaration(r[0], at);
                String type = r[2] == null || r[2].equals("var") ? defaultType(api) : r[2];
                if (api == JavaCode.Api.COMMONS_EMAIL) type = commonsPackage + "." + type;
                else if (javax) type = "javax:" + type; // javax.mail never checks the host name by default
                g = new JavaCode.Group(api, r[0], type, p.line, p.column);
                groups.put(r[1], g);
            }
            return g;
        }

        private static String defaultType(JavaCode.Api api) {
            switch (api) {
                case SPRING_SENDER: return "JavaMailSenderImpl";
                case COMMONS_EMAIL: return "Email";
                default: return "Properties";
            }
        }

        /** Where a variable or field is declared (its name), else where it is used. */
        private Position declaration(String name, Node at) {
            Node c = callable(at);
            if (c != null && locals(c).containsKey(name)) {
                VariableDeclarator here = visible(name, at, c);
                if (here != null && here.getName().getBegin().isPresent()) return here.getName().getBegin().get();
                for (VariableDeclarator v : declaring(name, c).findAll(VariableDeclarator.class)) {
                    if (v.getNameAsString().equals(name) && v.getName().getBegin().isPresent()) return v.getName().getBegin().get();
                }
            }
            Optional<Node> p = at.getParentNode();
            while (p.isPresent()) {
                if (p.get() instanceof TypeDeclaration) {
                    for (FieldDeclaration f : ((TypeDeclaration<?>) p.get()).getFields()) {
                        for (VariableDeclarator v : f.getVariables()) {
                            if (v.getNameAsString().equals(name) && v.getName().getBegin().isPresent()) return v.getName().getBegin().get();
                        }
                    }
                }
                p = p.get().getParentNode();
            }
            return at.getBegin().orElse(new Position(1, 1));
        }

        private void session(MethodCallExpr m) {
            String[] r = receiver(m.getArgument(0));
            if (r == null) return;
            JavaCode.Group g = groups.get(r[1]);
            if (g == null) {
                // a session of properties filled later in the file (or by puts we did not see): keep the place
                g = group(JavaCode.Api.PROPERTIES, r, m);
            }
            Position at = m.getName().getBegin().orElse(new Position(1, 1));
            g.session(at.line, at.column);
            String s = assignedTo(m);
            if (s != null) sessions.put(s, g);
        }

        /** The scope key of the variable or field a call's result is stored in ({@code Session s = ...}), or null. */
        private String assignedTo(MethodCallExpr m) {
            Optional<Node> p = m.getParentNode();
            if (!p.isPresent()) return null;
            if (p.get() instanceof VariableDeclarator) {
                VariableDeclarator v = (VariableDeclarator) p.get();
                Node c = callable(v);
                String n = v.getNameAsString();
                return c != null ? localKey(n, v, c) : "F" + owner(v) + ":" + n;
            }
            if (p.get() instanceof AssignExpr) {
                String[] r = receiver(((AssignExpr) p.get()).getTarget());
                return r == null ? null : r[1];
            }
            return null;
        }

        private JavaCode.Call call(MethodCallExpr m, String receiver) {
            List<JavaCode.Value> args = new ArrayList<>();
            List<Expression> given = m.getArguments();
            if (m.getNameAsString().equals("setAuthenticator") && given.size() == 1 && given.get(0) instanceof ObjectCreationExpr
                    && ((ObjectCreationExpr) given.get(0)).getType().getNameAsString().equals("DefaultAuthenticator")
                    && ((ObjectCreationExpr) given.get(0)).getArguments().size() == 2) {
                // Commons Email's setAuthenticator(new DefaultAuthenticator(user, password)): the two as arguments
                given = ((ObjectCreationExpr) given.get(0)).getArguments();
            }
            for (Expression a : given) args.add(value(a, m));
            Position at = m.getName().getBegin().orElse(new Position(1, 1));
            return new JavaCode.Call(m.getNameAsString(), args, cut(receiver), at.line, at.column);
        }

        private JavaCode.Value value(Expression e, Node context) {
            String literal = fold(e, context);
            if (literal != null) return JavaCode.Value.literal(literal);
            Expression x = e;
            while (x instanceof EnclosedExpr || x instanceof CastExpr) {
                x = x instanceof EnclosedExpr ? ((EnclosedExpr) x).getInner() : ((CastExpr) x).getExpression();
            }
            if (x instanceof FieldAccessExpr && ((FieldAccessExpr) x).getScope().toString().endsWith("TransportStrategy")) {
                return JavaCode.Value.literal(((FieldAccessExpr) x).getNameAsString()); // an enum constant of Simple Java Mail
            }
            if (x instanceof FieldAccessExpr && ((FieldAccessExpr) x).getScope() instanceof NameExpr && isConstantName(((FieldAccessExpr) x).getNameAsString())) {
                FieldAccessExpr f = (FieldAccessExpr) x;
                return JavaCode.Value.constant(f.getScope().toString() + "." + f.getNameAsString(), cut(x.toString()));
            }
            if (x instanceof NameExpr && isConstantName(((NameExpr) x).getNameAsString()) && !shadowed(((NameExpr) x).getNameAsString(), context)) {
                String n = ((NameExpr) x).getNameAsString();
                if (n.equals("SMTP") || n.equals("SMTPS") || n.equals("SMTP_TLS") || n.equals("SMTP_OAUTH2")) {
                    return JavaCode.Value.literal(n); // a static import of TransportStrategy's constants
                }
                return JavaCode.Value.constant(n, n);
            }
            return JavaCode.Value.computed(cut(x.toString()));
        }

        private static boolean isConstantName(String n) {
            return n.length() > 1 && n.equals(n.toUpperCase(java.util.Locale.ROOT)) && Character.isLetter(n.charAt(0));
        }

        /** Source text for a message: one line, short, and without its string literals (they may hold a secret). */
        private static String cut(String code) {
            String one = code.replaceAll("\\s+", " ").replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"...\"");
            return one.length() <= MAX_CODE_CHARS ? one : one.substring(0, MAX_CODE_CHARS - 3) + "...";
        }

        // ---- Simple Java Mail chains

        private static boolean isMailerBuilder(Expression e) {
            return e instanceof NameExpr && ((NameExpr) e).getNameAsString().equals("MailerBuilder")
                    || e instanceof FieldAccessExpr && ((FieldAccessExpr) e).getNameAsString().equals("MailerBuilder");
        }

        /** A chain from its first call ({@code MailerBuilder.withSMTPServer(...)}) up through every call made on its result. */
        private void simpleJavaMail(MethodCallExpr first) {
            Position start = first.getName().getBegin().orElse(new Position(1, 1));
            JavaCode.Group g = new JavaCode.Group(JavaCode.Api.SIMPLE_JAVA_MAIL, "MailerBuilder", "MailerBuilder", start.line, start.column);
            MethodCallExpr m = first;
            while (true) {
                if (SJM_CALLS.contains(m.getNameAsString())) g.add(call(m, "MailerBuilder"));
                Optional<Node> p = m.getParentNode();
                if (!p.isPresent() || !(p.get() instanceof MethodCallExpr)) break;
                MethodCallExpr next = (MethodCallExpr) p.get();
                if (!next.getScope().isPresent() || next.getScope().get() != m) break;
                m = next;
            }
            groups.put("C" + start.line + "." + start.column, g);
        }

        // ---- keys the application reads

        private void read(Expression arg, Node at) {
            String k = fold(arg, at);
            if (k == null || !k.startsWith("spring.mail.")) return;
            Position p = arg.getBegin().orElse(new Position(1, 1));
            reads.add(new JavaCode.Read(k, false, p.line, p.column));
        }

        private void annotation(AnnotationExpr a) {
            String n = a.getNameAsString();
            n = n.substring(n.lastIndexOf('.') + 1);
            Expression value = null;
            if (a instanceof SingleMemberAnnotationExpr) value = ((SingleMemberAnnotationExpr) a).getMemberValue();
            if (a instanceof NormalAnnotationExpr) {
                for (MemberValuePair p : ((NormalAnnotationExpr) a).getPairs()) {
                    String pn = p.getNameAsString();
                    if (pn.equals("value") || pn.equals("prefix")) value = p.getValue();
                }
            }
            if (value == null) return;
            String text = fold(value, a);
            if (text == null) return;
            Position p = value.getBegin().orElse(new Position(1, 1));
            if (n.equals("Value")) {
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    String k = m.group(1).trim();
                    if (k.startsWith("spring.mail.")) reads.add(new JavaCode.Read(k, false, p.line, p.column));
                }
            } else if (n.equals("ConfigurationProperties")) {
                if (text.equals("spring.mail") || text.startsWith("spring.mail.")) reads.add(new JavaCode.Read(text, true, p.line, p.column));
            }
        }
    }
}
