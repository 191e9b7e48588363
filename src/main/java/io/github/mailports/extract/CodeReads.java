package io.github.mailports.extract;

import io.github.mailports.config.JavaCode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The application keys a module's Java code reads ({@code @Value("${spring.mail.from}")},
 * {@code env.getProperty("spring.mail.sender")}) or binds ({@code @ConfigurationProperties("spring.mail.extra")}),
 * by module ({@link ConfigUnit#moduleRoot}), in their relaxed form ({@link Keys#relaxed}). The engine checks a
 * module's Java sources before its configuration files, so a Spring file's key that the code reads is known to be
 * read and never reported as ineffective (MP010).
 */
final class CodeReads {
    private final Map<String, Set<String>> keys = new HashMap<>();
    private final Map<String, Set<String>> prefixes = new HashMap<>();

    synchronized void add(String module, JavaCode.Read read) {
        String k = Keys.relaxed(read.key());
        (read.isPrefix() ? prefixes : keys).computeIfAbsent(module, m -> new HashSet<>()).add(k);
    }

    /** Whether the code of the module that holds this file reads the key (written in any relaxed form). */
    synchronized boolean reads(String file, String key) {
        String module = ConfigUnit.moduleRoot(file);
        String k = Keys.relaxed(key);
        Set<String> exact = keys.get(module);
        if (exact != null && exact.contains(k)) return true;
        Set<String> under = prefixes.get(module);
        if (under == null) return false;
        for (String p : under) {
            if (k.startsWith(p + ".")) return true;
        }
        return false;
    }
}
