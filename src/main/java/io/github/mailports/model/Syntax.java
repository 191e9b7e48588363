package io.github.mailports.model;

/**
 * How a configuration syntax writes "set this key to this value" in a fix hint: one small renderer per syntax.
 * A source names its syntax in its {@link Fixes}; a new syntax is a new constant.
 */
public enum Syntax {
    /** {@code key=value}: a properties file. */
    PROPERTIES {
        @Override
        public String set(String key, String value) { return key + "=" + value; }
    },
    /** {@code key: value}. */
    YAML {
        @Override
        public String set(String key, String value) { return key + ": " + value; }
    },
    /**
     * A Spring XML bean: a Jakarta Mail key as a {@code <prop key="mail.smtp.x">value</prop>} entry of its
     * {@code javaMailProperties}; any other key as {@code key=value}.
     */
    SPRING_XML {
        @Override
        public String set(String key, String value) {
            return key.startsWith("mail.") ? "<prop key=\"" + key + "\">" + value + "</prop>" : key + "=" + value;
        }
    },
    /** Log4j 2 properties: {@code key = value}. */
    SPACED_PROPERTIES {
        @Override
        public String set(String key, String value) { return key + " = " + value; }
    },
    /** An XML attribute: {@code name="value"}. */
    XML_ATTRIBUTE {
        @Override
        public String set(String key, String value) { return key + "=\"" + value + "\""; }
    },
    /** An XML element: {@code <name>value</name>}. */
    XML_ELEMENT {
        @Override
        public String set(String key, String value) { return "<" + key + ">" + value + "</" + key + ">"; }
    },
    /** A JSON member: {@code "name": "value"}. */
    JSON {
        @Override
        public String set(String key, String value) { return "\"" + key + "\": \"" + value + "\""; }
    },
    /** A URL query parameter: {@code name=value}, a space in the value written {@code %20}. */
    URL_QUERY {
        @Override
        public String set(String key, String value) { return key + "=" + value.replace(" ", "%20"); }
    };

    /** The setting of {@code key} to {@code value}, as this syntax writes it. */
    public abstract String set(String key, String value);
}
