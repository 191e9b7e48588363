package io.github.mailports.config;

/**
 * A file could not be read or parsed. The message never quotes a value of the file (it might be a
 * password): readers say what was wrong and where, not what was written there.
 */
public final class ConfigParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final boolean note;

    public ConfigParseException(String message, int line, int column) {
        this(message, line, column, false);
    }

    /** @param note true when the file is reported as a note (INFO) only: a Java source that holds no mail settings */
    public ConfigParseException(String message, int line, int column, boolean note) {
        super(oneLine(message));
        this.line = Math.max(1, line);
        this.column = Math.max(1, column);
        this.note = note;
    }

    /** Whether this problem is a note (INFO) rather than an error: see {@link JavaReader#read}. */
    public boolean isNote() { return note; }

    /** Parser messages may hold line breaks or control characters; a finding is one line. */
    private static String oneLine(String message) {
        if (message == null) return "unknown problem";
        StringBuilder b = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        return b.toString().replaceAll(" {2,}", " ").trim();
    }

    /** 1-based; 1 when the position is unknown. */
    public int line() { return line; }
    /** 1-based; 1 when the position is unknown. */
    public int column() { return column; }
}
