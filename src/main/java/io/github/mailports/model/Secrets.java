package io.github.mailports.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Values that must never be printed, and the one way to keep them out of a text: every occurrence of any of them
 * becomes {@value #MASK}. The engine fills one per unit of files it reads (values of password keys in every
 * source, what they resolve to, user info of URLs and hosts) and redacts every finding and endpoint with it.
 *
 * <p>Cost: {@link #redact} is linear in the text, whatever the number of secrets: a secret is matched by its
 * first {@value #PREFIX} characters with a rolling hash, one pass per distinct prefix length (at most
 * {@value #PREFIX}); a longer secret found by its prefix is masked whole when the text holds it whole, else to the
 * end of the text (never too little). Memory: one prefix per secret.
 *
 * <p>Extractors that print a host can call {@link #maskUserInfo} themselves (e.g. in an MP016 message about a
 * host with user info), so the message reads well even before the engine redacts it.
 */
public final class Secrets {
    /** What a secret becomes in any output. */
    public static final String MASK = "****";
    /** Secrets are matched by at most this many leading characters. */
    static final int PREFIX = 64;
    /** A longer secret found by its prefix is compared whole against at most this many candidates. */
    private static final int MAX_CANDIDATES = 8;
    private static final int BASE = 31;

    /** By prefix length (1..PREFIX): the hash codes of the prefixes of that length, and the prefixes. */
    private final Map<Integer, Set<Integer>> hashes = new HashMap<>();
    private final Set<String> prefixes = new HashSet<>();
    /** Secrets longer than PREFIX, by their prefix (a few per prefix are enough to mask the whole value). */
    private final Map<String, List<String>> longer = new HashMap<>();
    private int[] lengths = new int[0];
    private int operations;

    /** Adds a value to keep out of every text; null, empty and white-space-only values are ignored. */
    public void add(String secret) {
        if (secret == null || secret.trim().isEmpty()) return;
        String prefix = secret.length() > PREFIX ? secret.substring(0, PREFIX) : secret;
        if (secret.length() > PREFIX) {
            List<String> list = longer.computeIfAbsent(prefix, k -> new ArrayList<>(1));
            if (list.size() < MAX_CANDIDATES && !list.contains(secret)) list.add(secret);
        }
        register(prefix);
    }

    private void register(String prefix) {
        if (!prefixes.add(prefix)) return;
        Set<Integer> set = hashes.get(prefix.length());
        if (set == null) {
            set = new HashSet<>();
            hashes.put(prefix.length(), set);
            int[] l = new int[lengths.length + 1];
            System.arraycopy(lengths, 0, l, 0, lengths.length);
            l[lengths.length] = prefix.length();
            java.util.Arrays.sort(l);
            lengths = l;
        }
        set.add(prefix.hashCode());
    }

    /**
     * Adds the secrets of another set by their prefixes only (a long one is then masked from its prefix to the end
     * of a text): enough for the few texts that are redacted once all units are read, in memory bounded by
     * {@value #PREFIX} characters a secret.
     */
    public void addPrefixes(Secrets other) {
        for (String p : other.prefixes) {
            if (other.longer.containsKey(p)) longer.putIfAbsent(p, new ArrayList<String>(0));
            register(p);
        }
    }

    public boolean isEmpty() { return prefixes.isEmpty(); }

    /** How many distinct secrets (by prefix) are held. */
    public int size() { return prefixes.size(); }

    /** Character steps {@link #redact} has taken so far (for tests that count work). */
    public int operations() { return operations; }

    /** The text with every occurrence of every secret replaced by {@value #MASK}; null stays null. */
    public String redact(String text) {
        if (text == null || prefixes.isEmpty() || text.isEmpty()) return text;
        int n = text.length();
        int[] coverEnd = null; // coverEnd[i]: masked up to (exclusive) from a match starting at i
        for (int len : lengths) {
            if (len > n) break;
            Set<Integer> set = hashes.get(len);
            int power = 1;
            for (int i = 1; i < len; i++) power *= BASE;
            int h = 0;
            for (int i = 0; i < len; i++) h = h * BASE + text.charAt(i);
            for (int start = 0; ; start++) {
                operations++;
                if (set.contains(h)) {
                    String window = text.substring(start, start + len);
                    if (prefixes.contains(window)) {
                        if (coverEnd == null) coverEnd = new int[n];
                        int end = start + len;
                        List<String> full = len == PREFIX ? longer.get(window) : null;
                        if (full != null) end = wholeEnd(text, start, full);
                        if (end > coverEnd[start]) coverEnd[start] = end;
                    }
                }
                int next = start + len;
                if (next >= n) break;
                h = (h - text.charAt(start) * power) * BASE + text.charAt(next);
            }
        }
        if (coverEnd == null) return text;
        StringBuilder b = new StringBuilder(n);
        int masked = 0; // masked up to (exclusive)
        for (int i = 0; i < n; i++) {
            operations++;
            int end = coverEnd[i];
            if (end > i && end > masked) {
                if (masked <= i) b.append(MASK);
                masked = end;
            }
            if (i >= masked) b.append(text.charAt(i));
        }
        return b.toString();
    }

    /** Where a long secret found by its prefix at {@code start} ends: its own end if whole there, else the text's. */
    private static int wholeEnd(String text, int start, List<String> candidates) {
        int best = -1;
        for (String s : candidates) {
            if (text.startsWith(s, start)) best = Math.max(best, start + s.length());
        }
        return best >= 0 ? best : text.length();
    }

    /** Whether a host value holds user info ({@code user:pw@host}, {@code smtp://user@host:25}). */
    public static boolean hasUserInfo(String host) {
        return host != null && host.indexOf('@') >= 0;
    }

    /**
     * A host as it may be printed: any user info (everything up to the last {@code @}) becomes {@value #MASK}, so
     * {@code user:S3cr3t@smtp.example.com} prints as {@code ****@smtp.example.com}. Null stays null.
     */
    public static String maskUserInfo(String host) {
        if (!hasUserInfo(host)) return host;
        return MASK + host.substring(host.lastIndexOf('@'));
    }

    /**
     * The secret parts of a host or URL text with user info: the whole user info and the password part after its
     * first {@code :}; empty when there is none. A text with {@code ://} is read as one or more URLs (the user info
     * of each, up to the last {@code @} of its authority, or of the rest up to white space when the password holds
     * an unencoded {@code /}); any other text as a host ({@code user:pw@smtp.example.com}).
     */
    public static List<String> userInfoSecrets(String text) {
        List<String> out = new ArrayList<>(2);
        if (!hasUserInfo(text)) return out;
        int scheme = text.indexOf("://");
        if (scheme < 0) {
            addUserInfo(text.substring(0, text.lastIndexOf('@')), out);
            return out;
        }
        while (scheme >= 0) {
            int start = scheme + 3;
            int end = start;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != ',') end++;
            int authorityEnd = start;
            while (authorityEnd < end && "/?#".indexOf(text.charAt(authorityEnd)) < 0) authorityEnd++;
            int at = text.lastIndexOf('@', authorityEnd - 1);
            if (at < start) at = text.lastIndexOf('@', end - 1);
            if (at >= start) addUserInfo(text.substring(start, at), out);
            scheme = text.indexOf("://", Math.max(end, start));
        }
        return out;
    }

    private static void addUserInfo(String info, List<String> out) {
        if (info.isEmpty()) return;
        out.add(info);
        int colon = info.indexOf(':');
        if (colon >= 0 && colon + 1 < info.length()) out.add(info.substring(colon + 1));
    }
}
