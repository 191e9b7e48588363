package io.github.mailports.config;

/** A comment of a configuration file: the text after {@code #}/{@code !} or inside {@code <!-- -->}, trimmed. */
public final class Comment {
    private final String text;
    private final int line;
    private final int column;
    private final boolean ownLine;

    private Comment(String text, int line, int column, boolean ownLine) {
        this.text = text;
        this.line = line;
        this.column = column;
        this.ownLine = ownLine;
    }

    public static Comment of(String text, int line, int column, boolean ownLine) {
        return new Comment(text, line, column, ownLine);
    }

    public String text() { return text; }
    public int line() { return line; }
    public int column() { return column; }
    /** True when nothing but white space precedes the comment on its line. */
    public boolean ownLine() { return ownLine; }

    @Override
    public String toString() { return line + ":" + column + " #" + text; }
}
