package io.github.mailports.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A parsed configuration file: its entries in file order (duplicates kept), grouped by document, and its
 * comments (for suppression directives). {@code path} is relative to the base directory, with {@code /}.
 */
public final class ConfigFile {
    private final String path;
    private final ConfigFormat format;
    private final List<ConfigEntry> entries;
    private final int documents;
    private final List<Comment> comments;
    private final XmlElement xml;
    private final JavaCode java;

    private ConfigFile(String path, ConfigFormat format, List<ConfigEntry> entries, int documents, List<Comment> comments) {
        this(path, format, entries, documents, comments, null, null);
    }

    private ConfigFile(String path, ConfigFormat format, List<ConfigEntry> entries, int documents, List<Comment> comments,
                       XmlElement xml, JavaCode java) {
        this.xml = xml;
        this.java = java;
        this.path = path;
        this.format = format;
        this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
        this.documents = documents;
        this.comments = Collections.unmodifiableList(new ArrayList<>(comments));
    }

    public static ConfigFile of(String path, ConfigFormat format, List<ConfigEntry> entries, int documents, List<Comment> comments) {
        return new ConfigFile(path, format, entries, documents, comments);
    }

    /** An XML file: its root element and comments; it has no entries. */
    public static ConfigFile ofXml(String path, XmlElement root, List<Comment> comments) {
        return new ConfigFile(path, ConfigFormat.XML, Collections.<ConfigEntry>emptyList(), 1, comments, root, null);
    }

    /** A Java source: the mail settings its code writes and its comments; it has no entries. */
    public static ConfigFile ofJava(String path, JavaCode code, List<Comment> comments) {
        return new ConfigFile(path, ConfigFormat.JAVA, Collections.<ConfigEntry>emptyList(), 1, comments, null, code);
    }

    /** What a Java source's code sets, or null for other formats. */
    public JavaCode java() { return java; }

    /** The root element of an XML file, or null for other formats. */
    public XmlElement xml() { return xml; }

    public String path() { return path; }
    public ConfigFormat format() { return format; }
    /** All entries of all documents, in file order. */
    public List<ConfigEntry> entries() { return entries; }
    /** How many documents the file holds (at least 1, even when empty). */
    public int documentCount() { return documents; }
    public List<Comment> comments() { return comments; }

    /** The entries of one document, in file order. */
    public List<ConfigEntry> document(int index) {
        List<ConfigEntry> out = new ArrayList<>();
        for (ConfigEntry e : entries) {
            if (e.document() == index) out.add(e);
        }
        return out;
    }

    /** The file name without folders. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    @Override
    public String toString() { return path + " (" + format + ", " + entries.size() + " entries)"; }
}
