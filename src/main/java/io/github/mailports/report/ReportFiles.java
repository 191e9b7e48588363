package io.github.mailports.report;

import io.github.mailports.engine.CheckResult;
import io.github.mailports.rules.Severity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the report files. Each is written atomically (a temporary file beside it, then a rename), so no partial
 * report is ever seen. The report files of the formats not written this run are removed from the folder, so two
 * runs into one folder never leave a mix of old and new reports.
 */
public final class ReportFiles {
    /** The file of each report format, by the format's name in {@code formats}. */
    public static final Map<String, String> FILE_NAMES;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("json", JsonReport.FILE_NAME);
        m.put("sarif", SarifReport.FILE_NAME);
        m.put("junit", JunitReport.FILE_NAME);
        m.put("markdown", MarkdownReport.FILE_NAME);
        FILE_NAMES = Collections.unmodifiableMap(m);
    }

    private ReportFiles() {
    }

    /**
     * What is wrong with a folder to write reports to, in words, or null: it exists and is not a folder (a file,
     * {@code /dev/null}), or it is not writable.
     */
    public static String problem(Path dir) {
        if (Files.isDirectory(dir)) return Files.isWritable(dir) ? null : "is a folder that cannot be written to (read-only)";
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) || Files.exists(dir)) {
            return Files.isRegularFile(dir) ? "is a file, not a folder" : "is not a folder (a device or other special file)";
        }
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) return "cannot be created: " + p + " is not a folder";
                return null;
            }
        }
        return null;
    }

    /**
     * Writes the reports of the given formats ({@code json}, {@code sarif}, {@code junit}, {@code markdown}; others are
     * ignored) and removes the files of the formats not given. {@code sarifPrefix} is the base directory relative to
     * the repository root. A failure is an IOException whose message names the folder and says why.
     */
    public static List<Path> writeAll(Path dir, Set<String> formats, CheckResult result, Severity failOn, long durationMs,
                                      String sarifPrefix) throws IOException {
        String problem = problem(dir);
        if (problem != null) throw new IOException(dir + " " + problem);
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<String, String> e : FILE_NAMES.entrySet()) {
                if (!formats.contains(e.getKey())) {
                    Files.deleteIfExists(dir.resolve(e.getValue())); // stale: from an earlier run with other formats
                    continue;
                }
                String content;
                switch (e.getKey()) {
                    case "json": content = JsonReport.render(result, durationMs); break;
                    case "sarif": content = SarifReport.render(result, sarifPrefix); break;
                    case "junit": content = JunitReport.render(result, failOn, durationMs); break;
                    default: content = MarkdownReport.render(result, failOn, durationMs); break;
                }
                written.add(write(dir, e.getValue(), content));
            }
        } catch (IOException e) {
            throw new IOException(dir + " cannot be written to: " + reason(e), e);
        }
        return written;
    }

    /** Why a write failed, in words. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied (the folder is read-only)";
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
    }

    public static Path write(Path dir, String name, String content) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        // not createTempFile: its owner-only permissions would stick to the report; this one follows the umask
        Path tmp = Files.createFile(dir.resolve("." + name + "." + UUID.randomUUID() + ".tmp"));
        try {
            Files.write(tmp, content.getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
