package io.github.mailports.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the files to check under the base directory. Selection is by name only, before any read. The walk is
 * pruned: it never enters a folder that no include can match below, nor an excluded one, nor a folder that
 * another project of the build checks, nor the plugin's own output folder. Symbolic links are never followed (no
 * loops, no reads outside the tree); they are noted instead. A folder that cannot be read, where an include could
 * match, is reported (MP900) rather than skipped silently.
 */
final class FileFinder {
    /** The plugin's own files: never selected, whatever the includes say (reports, baseline). */
    static final Set<String> OWN_FILE_NAMES = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            Baseline.FILE_NAME, "mailports-report.json", "mailports.sarif", "mailports-junit.xml", "mailports-summary.md")));

    /** A path that matched the selection but is not a readable regular file. */
    static final class Odd {
        final String path;
        final String reason;

        Odd(String path, String reason) {
            this.path = path;
            this.reason = reason;
        }
    }

    final List<String> files = new ArrayList<>();
    final List<Odd> odd = new ArrayList<>();
    final List<String> links = new ArrayList<>();
    /** Folders entered and files looked at: the work of the walk, for tests. */
    int visited;

    static FileFinder scan(Path base, List<Glob> includes, List<Glob> excludes) throws IOException {
        return scan(base, includes, excludes, Collections.<Path>emptyList());
    }

    /** The walk; {@code skipped} are absolute paths never entered or selected (output folders, other projects). */
    static FileFinder scan(Path base, List<Glob> includes, List<Glob> excludes, Collection<Path> skipped) throws IOException {
        FileFinder f = new FileFinder();
        if (!Files.isDirectory(base)) return f;
        Set<Path> skip = new HashSet<>();
        for (Path p : skipped) skip.add(p.toAbsolutePath().normalize());
        Files.walkFileTree(base, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                f.visited++;
                String rel = relative(base, dir);
                if (rel.isEmpty()) return FileVisitResult.CONTINUE;
                if (!skip.isEmpty() && skip.contains(dir.toAbsolutePath().normalize())) return FileVisitResult.SKIP_SUBTREE;
                if (matchesAny(excludes, new Glob.Path(rel + "/"))) return FileVisitResult.SKIP_SUBTREE;
                Glob.Path path = new Glob.Path(rel); // split once for every include
                if (looksLikeConfigFile(rel) && matchesAny(includes, path) && !matchesAny(excludes, path)) {
                    f.odd.add(new Odd(rel, "is a directory, not a configuration file"));
                }
                return anyBelow(includes, path) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                f.visited++;
                String rel = relative(base, file);
                Glob.Path path = new Glob.Path(rel);
                if (!matchesAny(includes, path) || matchesAny(excludes, path)) return FileVisitResult.CONTINUE;
                if (OWN_FILE_NAMES.contains(file.getFileName().toString())
                        || (!skip.isEmpty() && skip.contains(file.toAbsolutePath().normalize()))) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) f.links.add(rel);
                else if (attrs.isRegularFile()) f.files.add(rel);
                else f.odd.add(new Odd(rel, "is not a regular file"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                String rel = relative(base, file);
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    // a folder that cannot be listed: its files were not checked, and nobody may think they were
                    if (!skip.contains(file.toAbsolutePath().normalize()) && (rel.isEmpty() || !matchesAny(excludes, rel + "/"))
                            && anyBelow(includes, rel)) {
                        f.odd.add(new Odd(rel.isEmpty() ? "." : rel, "is a folder that cannot be read ("
                                + exc.getClass().getSimpleName() + "); the configuration files in it were not checked"));
                    }
                } else if (looksLikeConfigFile(rel) && matchesAny(includes, rel) && !matchesAny(excludes, rel)) {
                    f.odd.add(new Odd(rel, "cannot be read (" + exc.getClass().getSimpleName() + ")"));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(f.files);
        return f;
    }

    /** A folder is reported only when its name is a configuration file's (application.yml/), not for a {@code **} match. */
    private static boolean looksLikeConfigFile(String rel) {
        String lower = rel.toLowerCase(Locale.ROOT);
        return lower.endsWith(".properties") || lower.endsWith(".yml") || lower.endsWith(".yaml")
                || lower.endsWith(".xml") || lower.endsWith(".json");
    }

    private static boolean matchesAny(List<Glob> globs, String rel) {
        return matchesAny(globs, new Glob.Path(rel));
    }

    private static boolean matchesAny(List<Glob> globs, Glob.Path rel) {
        for (Glob g : globs) {
            if (g.matches(rel, null)) return true;
        }
        return false;
    }

    private static boolean anyBelow(List<Glob> globs, String relDir) {
        return anyBelow(globs, new Glob.Path(relDir));
    }

    private static boolean anyBelow(List<Glob> globs, Glob.Path relDir) {
        for (Glob g : globs) {
            if (g.couldMatchBelow(relDir)) return true;
        }
        return false;
    }

    static String relative(Path base, Path p) {
        return base.relativize(p).toString().replace('\\', '/');
    }

    /** A selected file that is not what the walk saw when it is read: a link, a folder, a FIFO or device. */
    static final class ChangedFileException extends IOException {
        private static final long serialVersionUID = 1L;

        ChangedFileException(String message) {
            super(message);
        }
    }

    /** The bytes of a file, or (null, size) when it is larger than the limit. */
    static final class Read {
        final byte[] bytes;
        final long size;

        Read(byte[] bytes, long size) {
            this.bytes = bytes;
            this.size = size;
        }
    }

    /**
     * Reads a selected file without following any symbolic link, in any of its names below the base: the walk saw a
     * regular file, but it may have been swapped for a link (to a secret outside the tree) since. Where the file
     * system offers it (Linux: {@link SecureDirectoryStream}, i.e. {@code openat}), each folder is opened relative to
     * the one above with {@code NOFOLLOW_LINKS} and the file is checked and opened relative to its folder; elsewhere the
     * file is checked, opened with {@code NOFOLLOW_LINKS}, and its real path compared with the expected one. A file
     * that is no longer a regular file (a FIFO would block the read) is a {@link ChangedFileException}.
     */
    static Read read(Path base, String rel, long maxBytes) throws IOException {
        String[] names = rel.split("/");
        try (DirectoryStream<Path> top = Files.newDirectoryStream(base)) {
            if (top instanceof SecureDirectoryStream) {
                return readSecure((SecureDirectoryStream<Path>) top, names, 0, rel, maxBytes);
            }
        }
        Path p = base.resolve(rel);
        BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        checkRegular(attrs, rel);
        try (SeekableByteChannel ch = Files.newByteChannel(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            if (!p.toRealPath().equals(base.toRealPath().resolve(rel).normalize())) {
                throw new ChangedFileException("is reached through a symbolic link now (it changed after the walk); not read");
            }
            return readAll(ch, maxBytes);
        }
    }

    private static Read readSecure(SecureDirectoryStream<Path> dir, String[] names, int i, String rel, long maxBytes)
            throws IOException {
        Path name = java.nio.file.Paths.get(names[i]);
        BasicFileAttributes attrs = dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes();
        if (i < names.length - 1) {
            if (attrs.isSymbolicLink() || !attrs.isDirectory()) {
                throw new ChangedFileException("is in a folder that is a symbolic link now (it changed after the walk); not read");
            }
            try (SecureDirectoryStream<Path> sub = dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
                return readSecure(sub, names, i + 1, rel, maxBytes);
            }
        }
        checkRegular(attrs, rel);
        try (SeekableByteChannel ch = dir.newByteChannel(name, new HashSet<java.nio.file.OpenOption>(
                Arrays.asList(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
            return readAll(ch, maxBytes);
        }
    }

    private static void checkRegular(BasicFileAttributes attrs, String rel) throws ChangedFileException {
        if (attrs.isSymbolicLink()) {
            throw new ChangedFileException("is a symbolic link now (it changed after the walk); not followed, not read");
        }
        if (!attrs.isRegularFile()) {
            throw new ChangedFileException("is not a regular file now (a folder, FIFO or device; it changed after the walk); not read");
        }
    }

    /** One read of the open file, bounded: the size from the open file, more if it grew while it was read. */
    private static Read readAll(SeekableByteChannel ch, long maxBytes) throws IOException {
        long size = ch.size();
        if (size > maxBytes) return new Read(null, size);
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) return new Read(Arrays.copyOf(buf.array(), buf.position()), buf.position()); // it shrank
        }
        ByteBuffer more = ByteBuffer.allocate(8192);
        int r = ch.read(more);
        if (r <= 0) return new Read(buf.array(), size);
        // it grew while it was read: take the rest too, up to the limit
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream((int) size * 2 + 8192);
        all.write(buf.array(), 0, buf.capacity());
        do {
            all.write(more.array(), 0, r);
            if (all.size() > maxBytes) return new Read(null, all.size());
            more.clear();
        } while ((r = ch.read(more)) > 0);
        return new Read(all.toByteArray(), all.size());
    }
}
