package io.github.mailports.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Writes a report atomically: a temporary file beside it, then a rename, so no partial report is ever seen. */
public final class ReportFiles {
    private ReportFiles() {
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
