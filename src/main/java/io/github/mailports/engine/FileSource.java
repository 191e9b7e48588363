package io.github.mailports.engine;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the pipeline's files come from: the selection (by name, before any read) and each selected file's bytes.
 * The one pipeline ({@link Engine}) runs the same over both kinds: the files under the base directory
 * ({@link #disk}), or files a caller already holds ({@link #memory}: an editor's buffers, a test's text).
 */
abstract class FileSource implements Closeable {
    /** What is selected: the files in path order, the odd paths (MP900) and the symbolic links (noted). */
    abstract FileFinder select() throws IOException;

    /**
     * The bytes of a selected file, or (null, size) when it is larger than {@code maxBytes}, or when {@code keep} turns
     * them down ({@link FileFinder.Read#kept} false).
     */
    abstract FileFinder.Read read(String rel, long maxBytes, FileFinder.Keep keep) throws IOException;

    /** The size of a selected file that no reader takes (it is not read). */
    abstract long size(String rel) throws IOException;

    /** Releases what reading held (the disk's open folders); nothing to do for held files. */
    @Override
    public void close() throws IOException {
    }

    /**
     * The files under the request's base directory, as {@link FileFinder} selects and reads them; one
     * {@link FileFinder.Reader} for the run, so the folders of consecutive files are opened once.
     */
    static FileSource disk(final CheckRequest request) {
        return new FileSource() {
            private final FileFinder.Reader reader = new FileFinder.Reader(request.baseDir());

            @Override
            FileFinder select() throws IOException {
                return FileFinder.scan(request.baseDir(), request.includes(), request.excludes(), request.skippedPaths());
            }

            @Override
            FileFinder.Read read(String rel, long maxBytes, FileFinder.Keep keep) throws IOException {
                return reader.read(rel, maxBytes, keep);
            }

            @Override
            long size(String rel) throws IOException {
                return Files.size(request.baseDir().resolve(rel));
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    /**
     * Files given by relative path ({@code /} separators) and bytes: all of them are the selection (the caller
     * selected them), in path order; none is an odd path or a link.
     */
    static FileSource memory(Map<String, byte[]> files) {
        final Map<String, byte[]> held = Collections.unmodifiableMap(new TreeMap<>(files));
        return new FileSource() {
            @Override
            FileFinder select() {
                FileFinder selection = new FileFinder();
                selection.files.addAll(new ArrayList<>(held.keySet()));
                return selection;
            }

            @Override
            FileFinder.Read read(String rel, long maxBytes, FileFinder.Keep keep) throws IOException {
                byte[] bytes = bytes(rel);
                if (bytes.length > maxBytes) return new FileFinder.Read(null, bytes.length);
                if (!keep.test(bytes, bytes.length)) return FileFinder.Read.turnedDown(bytes.length);
                return new FileFinder.Read(bytes, bytes.length);
            }

            @Override
            long size(String rel) throws IOException {
                return bytes(rel).length;
            }

            private byte[] bytes(String rel) throws NoSuchFileException {
                byte[] b = held.get(rel);
                if (b == null) throw new NoSuchFileException(rel);
                return b;
            }
        };
    }
}
