package io.github.mailports.model;

import java.util.Objects;

/** A place in a file: path relative to the base directory with {@code /}, 1-based line and column. */
public final class SourceLocation implements Comparable<SourceLocation> {
    private final String file;
    private final int line;
    private final int column;

    private SourceLocation(String file, int line, int column) {
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.column = column;
    }

    public static SourceLocation of(String file, int line, int column) {
        return new SourceLocation(file, Math.max(1, line), Math.max(1, column));
    }

    public String file() { return file; }
    public int line() { return line; }
    public int column() { return column; }

    @Override
    public int compareTo(SourceLocation o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof SourceLocation)) return false;
        SourceLocation s = (SourceLocation) o;
        return line == s.line && column == s.column && file.equals(s.file);
    }

    @Override
    public int hashCode() { return Objects.hash(file, line, column); }

    @Override
    public String toString() { return file + ":" + line + ":" + column; }
}
