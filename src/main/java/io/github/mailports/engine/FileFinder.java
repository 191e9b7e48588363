package io.github.mailports.engine;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
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
        // one matcher for the includes and one for the excludes, stepped one name per folder entered (Glob.Walk)
        Glob.Walk in = new Glob.Walk(includes);
        Glob.Walk out = new Glob.Walk(excludes);
        Deque<Glob.Walk.State[]> folders = new ArrayDeque<>();
        // each entered folder's relative path ("" for the base), so a file's is one concatenation, not a relativize
        Deque<String> rels = new ArrayDeque<>();
        Files.walkFileTree(base, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                f.visited++;
                if (folders.isEmpty()) { // the base
                    folders.push(new Glob.Walk.State[] {in.root(), out.root()});
                    rels.push("");
                    return FileVisitResult.CONTINUE;
                }
                if (!skip.isEmpty() && skip.contains(dir.toAbsolutePath().normalize())) return FileVisitResult.SKIP_SUBTREE;
                Glob.Walk.State[] parent = folders.peek();
                String name = dir.getFileName().toString();
                Glob.Walk.State excluded = out.step(parent[1], name);
                if (out.matches(excluded, "")) return FileVisitResult.SKIP_SUBTREE; // the folder's own "rel/"
                if (looksLikeConfigFile(name) && in.matches(parent[0], name) && !out.matches(parent[1], name)) {
                    f.odd.add(new Odd(relative(base, dir), "is a directory, not a configuration file"));
                }
                Glob.Walk.State included = in.step(parent[0], name);
                if (!in.couldMatchBelow(included)) return FileVisitResult.SKIP_SUBTREE;
                folders.push(new Glob.Walk.State[] {included, excluded});
                rels.push(child(rels.peek(), name));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                folders.pop();
                rels.pop();
                return super.postVisitDirectory(dir, exc);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                f.visited++;
                Glob.Walk.State[] folder = folders.peek();
                String name = file.getFileName().toString();
                if (!in.matches(folder[0], name) || out.matches(folder[1], name)) return FileVisitResult.CONTINUE;
                if (OWN_FILE_NAMES.contains(name)
                        || (!skip.isEmpty() && skip.contains(file.toAbsolutePath().normalize()))) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = child(rels.peek(), name);
                if (attrs.isSymbolicLink()) f.links.add(rel);
                else if (attrs.isRegularFile()) f.files.add(rel);
                else f.odd.add(new Odd(rel, "is not a regular file"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                String rel = relative(base, file);
                // the same matchers as the walk: the failed entry's folder is on top (a folder that cannot be opened
                // was never entered), or nothing when the base itself cannot be
                Glob.Walk.State[] folder = folders.isEmpty() ? null : folders.peek();
                String name = file.getFileName() == null ? "" : file.getFileName().toString();
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    // a folder that cannot be listed: its files were not checked, and nobody may think they were
                    boolean wanted = folder == null ? in.couldMatchBelow(in.root())
                            : !out.matches(out.step(folder[1], name), "") && in.couldMatchBelow(in.step(folder[0], name));
                    if (!skip.contains(file.toAbsolutePath().normalize()) && wanted) {
                        f.odd.add(new Odd(rel.isEmpty() ? "." : rel, "is a folder that cannot be read ("
                                + exc.getClass().getSimpleName() + "); the configuration files in it were not checked"));
                    }
                } else if (folder != null && looksLikeConfigFile(rel) && in.matches(folder[0], name) && !out.matches(folder[1], name)) {
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

    /** A name's relative path in a folder's, as {@link #relative} gives it (backslashes become {@code /}). */
    private static String child(String folder, String name) {
        String n = name.replace('\\', '/');
        return folder.isEmpty() ? n : folder + "/" + n;
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

    /**
     * A look at a file's first {@code length} bytes (in a buffer the reader reuses) before they are kept: a file it
     * turns down is not copied out.
     */
    interface Keep {
        boolean test(byte[] bytes, int length);
    }

    /** Keeps every file. */
    static final Keep ALL = (bytes, length) -> true;

    /** The bytes of a file; (null, size) when it is larger than the limit, or when {@link Keep} turned it down. */
    static final class Read {
        final byte[] bytes;
        final long size;
        /** False when the file was read and {@link Keep} turned it down: {@code bytes} is null, it is not too large. */
        final boolean kept;

        Read(byte[] bytes, long size) {
            this(bytes, size, true);
        }

        private Read(byte[] bytes, long size, boolean kept) {
            this.bytes = bytes;
            this.size = size;
            this.kept = kept;
        }

        static Read turnedDown(long size) {
            return new Read(null, size, false);
        }
    }

    /**
     * Reads a selected file without following any symbolic link, in any of its names below the base: the walk saw a
     * regular file, but it may have been swapped for a link (to a secret outside the tree) since. One file: see
     * {@link Reader}, which reads many.
     */
    static Read read(Path base, String rel, long maxBytes) throws IOException {
        try (Reader r = new Reader(base)) {
            return r.read(rel, maxBytes, ALL);
        }
    }

    /**
     * Reads the selected files of one run without following any symbolic link, in any of their names below the base.
     * Where the file system offers it (Linux: {@link SecureDirectoryStream}, i.e. {@code openat}), each folder is
     * opened relative to the one above with {@code NOFOLLOW_LINKS} and the file is checked and opened relative to its
     * folder; elsewhere the file is checked, opened with {@code NOFOLLOW_LINKS}, and its real path compared with the
     * expected one. A file that is no longer a regular file (a FIFO would block the read) is a
     * {@link ChangedFileException}, and so is a folder that is a link when it is opened.
     *
     * <p>The folders of the last file's path stay open for the next file (files come in path order, so most share
     * them): a folder is opened once per run of files below it, not once per file, and a file costs one look at its
     * attributes, one open, its reads and one close. A held folder is used as it is: it was opened without following a
     * link, relative to a folder opened the same way, so what is opened through it is inside the folder the run
     * opened, whatever has been renamed or swapped for a link above it since (a file of a folder moved away is read
     * where it now is, never what a link put in its place points to). The bytes are read into one buffer the reader
     * reuses and copied out only when {@link Keep} takes them. Close the reader at the end of the run; it holds at most
     * one open folder per level of the deepest path.
     */
    static final class Reader implements Closeable {
        private static final Set<OpenOption> READ_NOFOLLOW = Collections.unmodifiableSet(
                new HashSet<OpenOption>(Arrays.asList(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)));
        private static final int BUFFER = 64 * 1024;

        private final Path base;
        /** The base folder, opened once; null until the first read, or when the file system has no secure streams. */
        private SecureDirectoryStream<Path> top;
        private boolean insecure;
        /** The held folders below the base: {@code held.get(i)} is the folder of the first i + 1 names in {@code names}. */
        private final List<SecureDirectoryStream<Path>> held = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        /** The reused read buffer: its capacity is always above the size of the file read, so one read finds the end. */
        private ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

        Reader(Path base) {
            this.base = base;
        }

        Read read(String rel, long maxBytes) throws IOException {
            return read(rel, maxBytes, ALL);
        }

        Read read(String rel, long maxBytes, Keep keep) throws IOException {
            if (top == null && !insecure) {
                DirectoryStream<Path> d = Files.newDirectoryStream(base);
                if (d instanceof SecureDirectoryStream) {
                    top = (SecureDirectoryStream<Path>) d;
                } else {
                    d.close();
                    insecure = true;
                }
            }
            if (insecure) return readChecked(rel, maxBytes, keep);
            String[] parts = rel.split("/");
            int folders = parts.length - 1;
            SecureDirectoryStream<Path> dir = top;
            for (int i = 0; i < folders; i++) {
                if (i < held.size()) {
                    if (names.get(i).equals(parts[i])) {
                        dir = held.get(i);
                        continue;
                    }
                    release(i);
                }
                Path name = Paths.get(parts[i]);
                BasicFileAttributes attrs = dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .readAttributes();
                if (attrs.isSymbolicLink() || !attrs.isDirectory()) {
                    throw new ChangedFileException("is in a folder that is a symbolic link now (it changed after the walk); not read");
                }
                // O_NOFOLLOW: had the name become a link since the look above, the open fails rather than follows it
                SecureDirectoryStream<Path> sub = dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
                held.add(sub);
                names.add(parts[i]);
                dir = sub;
            }
            Path name = Paths.get(parts[folders]);
            BasicFileAttributes attrs = dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
            checkRegular(attrs, rel);
            if (attrs.size() > maxBytes) return new Read(null, attrs.size());
            try (SeekableByteChannel ch = dir.newByteChannel(name, READ_NOFOLLOW)) {
                return readAll(ch, attrs.size(), maxBytes, keep);
            }
        }

        private Read readChecked(String rel, long maxBytes, Keep keep) throws IOException {
            Path p = base.resolve(rel);
            BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            checkRegular(attrs, rel);
            try (SeekableByteChannel ch = Files.newByteChannel(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                if (!p.toRealPath().equals(base.toRealPath().resolve(rel).normalize())) {
                    throw new ChangedFileException("is reached through a symbolic link now (it changed after the walk); not read");
                }
                long size = ch.size();
                if (size > maxBytes) return new Read(null, size);
                return readAll(ch, size, maxBytes, keep);
            }
        }

        /**
         * Reads the open file to its end into the reused buffer, bounded: {@code size} is what its attributes said, and
         * the buffer holds at least one byte more, so a read that stops short of filling it has found the end (a
         * regular file returns fewer bytes than asked only there). A file that grew since is read on, up to the limit.
         */
        private Read readAll(SeekableByteChannel ch, long size, long maxBytes, Keep keep) throws IOException {
            if (buffer.capacity() <= size) buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, size + BUFFER));
            ByteBuffer buf = buffer;
            buf.clear();
            while (true) {
                int asked = buf.remaining();
                int r = ch.read(buf);
                if (r < 0) break;
                if (!buf.hasRemaining()) return grown(ch, buf, maxBytes); // more than the attributes said: it grew
                // short of what was asked, with all the bytes the attributes promised: the end, found in one read
                if (r < asked && buf.position() >= size) break;
            }
            int n = buf.position();
            if (n > maxBytes) return new Read(null, n);
            if (!keep.test(buf.array(), n)) return Read.turnedDown(n);
            return new Read(Arrays.copyOf(buf.array(), n), n);
        }

        /** Closes the held folders from level {@code from} down. */
        private void release(int from) throws IOException {
            IOException failed = null;
            for (int i = held.size() - 1; i >= from; i--) {
                try {
                    held.remove(i).close();
                } catch (IOException e) {
                    failed = e;
                }
                names.remove(i);
            }
            if (failed != null) throw failed;
        }

        @Override
        public void close() throws IOException {
            try {
                release(0);
            } finally {
                if (top != null) top.close();
                top = null;
            }
        }
    }

    /** A file that grew while it was read: the rest too, up to the limit; not tested by {@link Keep} (it is rare). */
    private static Read grown(SeekableByteChannel ch, ByteBuffer full, long maxBytes) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(full.capacity() * 2);
        all.write(full.array(), 0, full.position());
        ByteBuffer more = ByteBuffer.allocate(8192);
        int r;
        while (all.size() <= maxBytes && (r = ch.read(more)) > 0) {
            all.write(more.array(), 0, r);
            more.clear();
        }
        if (all.size() > maxBytes) return new Read(null, all.size());
        return new Read(all.toByteArray(), all.size());
    }

    private static void checkRegular(BasicFileAttributes attrs, String rel) throws ChangedFileException {
        if (attrs.isSymbolicLink()) {
            throw new ChangedFileException("is a symbolic link now (it changed after the walk); not followed, not read");
        }
        if (!attrs.isRegularFile()) {
            throw new ChangedFileException("is not a regular file now (a folder, FIFO or device; it changed after the walk); not read");
        }
    }
}
