package io.github.mailports.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One element of an XML file as written: its name (with any prefix), its attributes in file order, its
 * direct text and its child elements, each with the 1-based line and column where it was written. The
 * position of an element is the position of its {@code <}; of an attribute, the first character of its
 * name; of the text, its first non-white-space character. Immutable. {@link #toString()} never shows a
 * value: it may be a password.
 */
public final class XmlElement {
    private final String name;
    private final int line;
    private final int column;
    private final List<Attribute> attributes;
    private final String text;
    private final int textLine;
    private final int textColumn;
    private final List<XmlElement> children;

    /** One attribute: name as written, value after entity decoding and XML's white-space normalisation. */
    public static final class Attribute {
        private final String name;
        private final String value;
        private final int line;
        private final int column;

        private Attribute(String name, String value, int line, int column) {
            this.name = Objects.requireNonNull(name, "name");
            this.value = value == null ? "" : value;
            this.line = line;
            this.column = column;
        }

        public static Attribute of(String name, String value, int line, int column) {
            return new Attribute(name, value, line, column);
        }

        public String name() { return name; }
        public String value() { return value; }
        /** 1-based line of the attribute's name. */
        public int line() { return line; }
        /** 1-based column of the attribute's name. */
        public int column() { return column; }

        @Override
        public String toString() { return name + "@" + line + ":" + column; }
    }

    private XmlElement(String name, int line, int column, List<Attribute> attributes, String text, int textLine,
                       int textColumn, List<XmlElement> children) {
        this.name = Objects.requireNonNull(name, "name");
        this.line = line;
        this.column = column;
        this.attributes = Collections.unmodifiableList(new ArrayList<>(attributes));
        this.text = text == null ? "" : text;
        this.textLine = textLine;
        this.textColumn = textColumn;
        this.children = Collections.unmodifiableList(new ArrayList<>(children));
    }

    /**
     * @param text       the element's own text (character data and CDATA of its direct children), trimmed
     * @param textLine   line of the text's first non-white-space character, or the element's line when empty
     * @param textColumn column of the same
     */
    public static XmlElement of(String name, int line, int column, List<Attribute> attributes, String text,
                                int textLine, int textColumn, List<XmlElement> children) {
        return new XmlElement(name, line, column, attributes, text, textLine, textColumn, children);
    }

    /** The name as written, with its prefix if any ({@code log4j:Configuration}). */
    public String name() { return name; }
    /** 1-based line of the {@code <} that opens the element. */
    public int line() { return line; }
    /** 1-based column of the {@code <} that opens the element. */
    public int column() { return column; }
    public List<Attribute> attributes() { return attributes; }
    /** The element's own text, trimmed; empty when it has none. */
    public String text() { return text; }
    public int textLine() { return textLine; }
    public int textColumn() { return textColumn; }
    public List<XmlElement> children() { return children; }

    /** The attribute with exactly this name, or null. */
    public Attribute attribute(String attributeName) {
        for (Attribute a : attributes) {
            if (a.name.equals(attributeName)) return a;
        }
        return null;
    }

    /** The first attribute whose name equals this one ignoring case, or null. */
    public Attribute attributeIgnoreCase(String attributeName) {
        for (Attribute a : attributes) {
            if (a.name.equalsIgnoreCase(attributeName)) return a;
        }
        return null;
    }

    /** The value of the attribute with exactly this name, or null. */
    public String attributeValue(String attributeName) {
        Attribute a = attribute(attributeName);
        return a == null ? null : a.value;
    }

    /** The child elements with exactly this name, in file order. */
    public List<XmlElement> children(String childName) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name.equals(childName)) out.add(c);
        }
        return out;
    }

    /** The first child element with exactly this name, or null. */
    public XmlElement child(String childName) {
        for (XmlElement c : children) {
            if (c.name.equals(childName)) return c;
        }
        return null;
    }

    /** The name without a namespace prefix. */
    public String localName() {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    @Override
    public String toString() { return "<" + name + ">@" + line + ":" + column; }
}
