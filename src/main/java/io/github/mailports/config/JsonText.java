package io.github.mailports.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Prepares a JSON file for the YAML reader (JSON is YAML, with two differences that matter here) without
 * moving any character, so positions stay those of the file: a tab between tokens becomes a space (YAML does
 * not allow tabs there, JSON does), and {@code //} and {@code /* *}{@code /} comments, which Log4j2's JSON
 * parser accepts ({@code JsonParser.Feature.ALLOW_COMMENTS}), become spaces (line breaks are kept).
 */
public final class JsonText {
    private JsonText() {
    }

    /** Reads a JSON file with the YAML reader; its comments are the {@code //} and {@code /* *}{@code /} comments. */
    public static ConfigFile read(String path, String json) throws ConfigParseException {
        ConfigFile f = YamlReader.read(path, forYaml(json));
        return ConfigFile.of(f.path(), f.format(), f.entries(), f.documentCount(), comments(json));
    }

    /**
     * The comments of a JSON file: text trimmed, at the {@code //} or {@code /*}. One pass: whether a comment
     * starts its line is tracked while scanning (rescanning the line for each comment made 100,000 {@code /**}{@code /}
     * on one line quadratic).
     */
    static List<Comment> comments(String json) {
        List<Comment> out = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        boolean string = false;
        boolean content = false; // anything but white space (as String.trim sees it) since the line started
        int i = 0;
        int n = json.length();
        while (i < n) {
            char ch = json.charAt(i);
            if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < n && json.charAt(i + 1) == '\n') i++;
                line++;
                lineStart = i + 1;
                string = false;
                content = false;
                i++;
            } else if (string) {
                if (ch == '\\') i++;
                else if (ch == '"') string = false;
                i++;
            } else if (ch == '"') {
                string = true;
                content = true;
                i++;
            } else if (ch == '/' && i + 1 < n && (json.charAt(i + 1) == '/' || json.charAt(i + 1) == '*')) {
                boolean block = json.charAt(i + 1) == '*';
                int start = i;
                int startLine = line;
                int startColumn = start - lineStart + 1;
                boolean own = !content;
                content = true; // the comment's own text precedes whatever follows it on its line
                if (block) {
                    int close = json.indexOf("*/", i + 2);
                    int end = close < 0 ? n : close;
                    for (int k = i; k < end; k++) {
                        char c = json.charAt(k);
                        if (c == '\n' || (c == '\r' && (k + 1 >= n || json.charAt(k + 1) != '\n'))) {
                            line++;
                            lineStart = k + 1;
                        }
                    }
                    out.add(Comment.of(json.substring(i + 2, end).trim(), startLine, startColumn, own));
                    i = close < 0 ? n : close + 2;
                } else {
                    int end = i;
                    while (end < n && json.charAt(end) != '\n' && json.charAt(end) != '\r') end++;
                    out.add(Comment.of(json.substring(i + 2, end).trim(), startLine, startColumn, own));
                    i = end;
                }
            } else {
                if (ch > ' ') content = true;
                i++;
            }
        }
        return out;
    }

    public static String forYaml(String json) {
        char[] c = json.toCharArray();
        boolean string = false;
        int i = 0;
        while (i < c.length) {
            char ch = c[i];
            if (string) {
                if (ch == '\\') {
                    i += 2;
                    continue;
                }
                if (ch == '"') string = false;
                i++;
            } else if (ch == '"') {
                string = true;
                i++;
            } else if (ch == '\t') {
                c[i++] = ' ';
            } else if (ch == '/' && i + 1 < c.length && c[i + 1] == '/') {
                while (i < c.length && c[i] != '\n' && c[i] != '\r') c[i++] = ' ';
            } else if (ch == '/' && i + 1 < c.length && c[i + 1] == '*') {
                c[i++] = ' ';
                c[i++] = ' ';
                while (i < c.length && !(c[i] == '*' && i + 1 < c.length && c[i + 1] == '/')) {
                    if (c[i] != '\n' && c[i] != '\r') c[i] = ' ';
                    i++;
                }
                if (i < c.length) {
                    c[i++] = ' ';
                    c[i++] = ' ';
                }
            } else {
                i++;
            }
        }
        return new String(c);
    }
}
