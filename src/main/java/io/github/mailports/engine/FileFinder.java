package io.github.mailports.engine;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds the files to check under the base directory. Selection is by name only, before any read.
 * Symbolic links are never followed (no loops, no reads outside the tree); they are noted instead.
 */
final class FileFinder {
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

    static FileFinder scan(Path base, List<Glob> includes, List<Glob> excludes) throws IOException {
        FileFinder f = new FileFinder();
        if (!Files.isDirectory(base)) return f;
        Files.walkFileTree(base, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String rel = relative(base, dir);
                if (rel.isEmpty()) return FileVisitResult.CONTINUE;
                if (matchesAny(excludes, rel + "/")) return FileVisitResult.SKIP_SUBTREE;
                if (looksLikeConfigFile(rel) && matchesAny(includes, rel) && !matchesAny(excludes, rel)) {
                    f.odd.add(new Odd(rel, "is a directory, not a configuration file"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = relative(base, file);
                if (!matchesAny(includes, rel) || matchesAny(excludes, rel)) return FileVisitResult.CONTINUE;
                if (attrs.isSymbolicLink()) f.links.add(rel);
                else if (attrs.isRegularFile()) f.files.add(rel);
                else f.odd.add(new Odd(rel, "is not a regular file"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                String rel = relative(base, file);
                if (looksLikeConfigFile(rel) && matchesAny(includes, rel) && !matchesAny(excludes, rel)) {
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
        String lower = rel.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".properties") || lower.endsWith(".yml") || lower.endsWith(".yaml")
                || lower.endsWith(".xml") || lower.endsWith(".json");
    }

    private static boolean matchesAny(List<Glob> globs, String rel) {
        for (Glob g : globs) {
            if (g.matches(rel)) return true;
        }
        return false;
    }

    static String relative(Path base, Path p) {
        return base.relativize(p).toString().replace('\\', '/');
    }
}
