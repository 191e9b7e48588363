package io.github.mailports.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's name and version, as built. */
public final class ToolInfo {
    public static final String NAME = "mailports";
    private static final String VERSION = load();

    private ToolInfo() {
    }

    public static String version() { return VERSION; }

    private static String load() {
        try (InputStream in = ToolInfo.class.getResourceAsStream("/io/github/mailports/tool.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
