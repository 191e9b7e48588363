package io.github.mailports.model;

import java.util.function.BinaryOperator;

/**
 * How a configuration syntax writes "set this key to this value" in a fix hint: one small renderer per syntax.
 * A source names its syntax in its {@link Fixes}; a new syntax is a new constant.
 */
public enum Syntax {
    /** {@code key=value}: a properties file. */
    PROPERTIES((k, v) -> k + "=" + v),
    /** {@code key: value}. */
    YAML((k, v) -> k + ": " + v),
    /**
     * A Spring XML bean: a Jakarta Mail key as a {@code <prop key="mail.smtp.x">value</prop>} entry of its
     * {@code javaMailProperties}; any other key as {@code key=value}.
     */
    SPRING_XML((k, v) -> k.startsWith("mail.") ? "<prop key=\"" + k + "\">" + v + "</prop>" : k + "=" + v),
    /** Log4j 2 properties: {@code key = value}. */
    SPACED_PROPERTIES((k, v) -> k + " = " + v),
    /** An XML attribute: {@code name="value"}. */
    XML_ATTRIBUTE((k, v) -> k + "=\"" + v + "\""),
    /** An XML element: {@code <name>value</name>}. */
    XML_ELEMENT((k, v) -> "<" + k + ">" + v + "</" + k + ">"),
    /** A JSON member: {@code "name": "value"}. */
    JSON((k, v) -> "\"" + k + "\": \"" + v + "\""),
    /** A URL query parameter: {@code name=value}, a space in the value written {@code %20}. */
    URL_QUERY((k, v) -> k + "=" + v.replace(" ", "%20")),
    /**
     * A call in Java code: the method as called and its arguments as written, {@code props.put} and
     * {@code "mail.smtp.starttls.required", "true"} give {@code props.put("mail.smtp.starttls.required", "true")}.
     */
    JAVA_CALL((k, v) -> k + "(" + v + ")");

    private final BinaryOperator<String> spelling;

    Syntax(BinaryOperator<String> spelling) { this.spelling = spelling; }

    /** The setting of {@code key} to {@code value}, as this syntax writes it. */
    public String set(String key, String value) { return spelling.apply(key, value); }
}
