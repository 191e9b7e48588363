package io.github.mailports.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's name and version, as built. */
public final class ToolInfo {
    public static final String NAME = "mailports";
    /** The project's home, used when the build did not record one. */
    static final String DEFAULT_URL = "https://github.com/mailports/mailports-maven-plugin";
    private static final String VERSION = load("version", "unknown");
    private static final String URL = stripSlash(load("url", DEFAULT_URL));

    private ToolInfo() {
    }

    public static String version() { return VERSION; }

    /** The project's home page. */
    public static String informationUri() { return URL; }

    /** The web address of a rule's page, e.g. {@code .../blob/main/docs/rules/MP003.md}. */
    public static String ruleUri(String ruleId) { return URL + "/blob/main/docs/rules/" + ruleId + ".md"; }

    private static String load(String key, String fallback) {
        try (InputStream in = ToolInfo.class.getResourceAsStream("/io/github/mailports/tool.properties")) {
            if (in == null) return fallback;
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty(key, fallback).trim();
            return v.isEmpty() || v.startsWith("${") ? fallback : v;
        } catch (IOException e) {
            return fallback;
        }
    }

    private static String stripSlash(String url) { return url.endsWith("/") ? url.substring(0, url.length() - 1) : url; }
}
