package io.github.mailports.extract;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** What extractors know besides the files: values supplied for placeholders. */
public final class ExtractContext {
    private final Map<String, String> supplied;
    private final Map<String, String> mavenProperties;

    private ExtractContext(Map<String, String> supplied, Map<String, String> mavenProperties) {
        this.supplied = Collections.unmodifiableMap(new TreeMap<>(supplied));
        this.mavenProperties = Collections.unmodifiableMap(new TreeMap<>(mavenProperties));
    }

    /**
     * @param supplied values given through the plugin's {@code properties} parameter; they win over
     *                 everything (a release pipeline passes production values this way)
     * @param mavenProperties the Maven project's properties, for {@code @name@} (Spring Boot's resource filtering)
     */
    public static ExtractContext of(Map<String, String> supplied, Map<String, String> mavenProperties) {
        return new ExtractContext(supplied, mavenProperties);
    }

    public static ExtractContext empty() {
        return of(Collections.<String, String>emptyMap(), Collections.<String, String>emptyMap());
    }

    String supplied(String name) { return supplied.get(name); }

    String maven(String name) {
        String v = supplied.get(name);
        return v != null ? v : mavenProperties.get(name);
    }
}
