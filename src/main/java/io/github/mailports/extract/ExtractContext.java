package io.github.mailports.extract;

import io.github.mailports.model.LibraryVersions;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** What extractors know besides the files: values supplied for placeholders. */
public final class ExtractContext {
    private final Map<String, String> supplied;
    private final Map<String, String> mavenProperties;
    private final LibraryVersions libraries;
    /** The application keys each module's Java code reads: filled as Java units are extracted, one per run. */
    private final CodeReads codeReads;

    private ExtractContext(Map<String, String> supplied, Map<String, String> mavenProperties, LibraryVersions libraries) {
        this(supplied, mavenProperties, libraries, new CodeReads());
    }

    private ExtractContext(Map<String, String> supplied, Map<String, String> mavenProperties, LibraryVersions libraries,
                           CodeReads codeReads) {
        this.codeReads = codeReads;
        this.supplied = Collections.unmodifiableMap(new TreeMap<>(supplied));
        this.mavenProperties = Collections.unmodifiableMap(new TreeMap<>(mavenProperties));
        this.libraries = libraries;
    }

    /**
     * @param supplied values given through the plugin's {@code properties} parameter; they win over
     *                 everything (a release pipeline passes production values this way)
     * @param mavenProperties the Maven project's properties, for {@code @name@} (Spring Boot's resource filtering)
     */
    public static ExtractContext of(Map<String, String> supplied, Map<String, String> mavenProperties) {
        return new ExtractContext(supplied, mavenProperties, LibraryVersions.none());
    }

    /** The same context, with the versions of the libraries the project ships. */
    public ExtractContext withLibraries(LibraryVersions versions) {
        return new ExtractContext(supplied, mavenProperties, versions == null ? LibraryVersions.none() : versions, codeReads);
    }

    /** The versions of the libraries the project ships; none known means the newest. */
    LibraryVersions libraries() { return libraries; }

    /** What the Java code of the modules checked so far reads. */
    CodeReads codeReads() { return codeReads; }

    String supplied(String name) { return supplied.get(name); }

    String maven(String name) {
        String v = supplied.get(name);
        return v != null ? v : mavenProperties.get(name);
    }
}
