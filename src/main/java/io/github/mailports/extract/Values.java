package io.github.mailports.extract;

import io.github.mailports.model.Diagnostic;
import io.github.mailports.model.Diagnostic.Library;
import io.github.mailports.model.Diagnostic.Reason;
import io.github.mailports.model.MailEndpoint;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How each library reads a number, a port and a boolean, in one place: a source states its library's
 * {@link Parsing} once, and {@link #number}, {@link #port} and {@link #bool} parse with it and report what the
 * library cannot use as a {@link Diagnostic} (MP016), never as a sentence.
 */
final class Values {
    private Values() {
    }

    /** What a boolean the library does not know reads as. */
    enum Otherwise { NULL, FALSE, DEFAULT }

    /** One library's parsing of numbers and booleans. */
    static final class Parsing {
        final Library library;
        /** Whether the library trims white space before parsing. */
        final boolean trim;
        /** Hexadecimal prefixes the library's number parsing takes ({@code 0x}), none for a plain parseInt. */
        final List<String> hex;
        /** Whether a number that does not parse stops the application (else it is ignored). */
        final boolean numberFails;
        /** The lowest port it takes: 1, or 0 for Log4j (0 is unset). */
        final int lowestPort;
        final Set<String> trueWords;
        final Set<String> falseWords;
        /** Whether a word is compared lower-cased in the root locale (else with {@code equalsIgnoreCase}): true, false words. */
        final boolean trueLowerCased;
        final boolean falseLowerCased;
        final Otherwise otherwise;
        /** Whether a boolean it does not know stops the application. */
        final boolean booleanFails;
        /** Whether a message quotes the value trimmed (as parsed) or as written. */
        final boolean showTrimmed;

        private Parsing(Library library, boolean trim, List<String> hex, boolean numberFails, int lowestPort,
                       List<String> trueWords, List<String> falseWords, Otherwise otherwise, boolean booleanFails,
                       boolean showTrimmed, boolean trueLowerCased, boolean falseLowerCased) {
            this.library = library;
            this.trim = trim;
            this.hex = hex;
            this.numberFails = numberFails;
            this.lowestPort = lowestPort;
            this.trueWords = new HashSet<>(trueWords);
            this.falseWords = new HashSet<>(falseWords);
            this.otherwise = otherwise;
            this.booleanFails = booleanFails;
            this.showTrimmed = showTrimmed;
            this.trueLowerCased = trueLowerCased;
            this.falseLowerCased = falseLowerCased;
        }
    }

    private static final List<String> NO_HEX = Collections.emptyList();

    /** {@code PropUtil}: no trimming, {@code 0x} hexadecimal, an unparseable int ignored, any boolean but the other word is the default. */
    static final Parsing JAKARTA_MAIL = new Parsing(Library.JAKARTA_MAIL, false, Arrays.asList("0x"), false, 1,
            Arrays.asList("true"), Arrays.asList("false"), Otherwise.DEFAULT, false, false, false, false);
    /** Spring's conversion service: trimmed, {@code 0x}/{@code 0X}, true/on/yes/1 and false/off/no/0 (empty: false); anything else stops the start. */
    static final Parsing SPRING_BOOT = new Parsing(Library.SPRING_BOOT, true, Arrays.asList("0x", "0X"), true, 1,
            Arrays.asList("true", "on", "yes", "1"), Arrays.asList("false", "off", "no", "0", ""), Otherwise.NULL, true, false, true,
            true);
    /** SmallRye Config: trimmed; a port that is no int stops the start; its boolean converter reads any other word as false. */
    static final Parsing QUARKUS = new Parsing(Library.QUARKUS, true, NO_HEX, true, 1,
            Arrays.asList("true", "1", "yes", "y", "on", "ja", "j", "si", "sim", "oui"), Arrays.asList("false", "no", "off", "0"),
            Otherwise.FALSE, false, true, true, false);
    /** {@code PropertySchema}: no trimming, {@code Integer.valueOf}, true/yes/1 and false/no/0; anything else fails loading. */
    static final Parsing SIMPLE_JAVA_MAIL = new Parsing(Library.SIMPLE_JAVA_MAIL, false, NO_HEX, true, 1,
            Arrays.asList("true", "yes", "1"), Arrays.asList("false", "no", "0"), Otherwise.NULL, true, false, true, true);
    /** Joran: trimmed; a port or boolean it cannot convert is ignored with a warning (port 25, false). */
    static final Parsing LOGBACK = new Parsing(Library.LOGBACK, true, NO_HEX, false, 1,
            Arrays.asList("true"), Arrays.asList("false"), Otherwise.FALSE, false, true, false, false);
    /** Log4j's plugin builders: trimmed; a port that is no number is warned about (default port); 0 is unset. */
    static final Parsing LOG4J2 = new Parsing(Library.LOG4J2, true, NO_HEX, false, 0,
            Arrays.asList("true"), Arrays.asList("false"), Otherwise.FALSE, false, true, false, false);

    /** The int a resolved prop holds as the library parses it; null (and a diagnostic) when it does not parse. */
    static Integer number(Prop p, Parsing s, MailEndpoint.Builder b) {
        String v = p.value() == null ? "" : s.trim ? p.value().trim() : p.value();
        try {
            for (String prefix : s.hex) {
                if (v.startsWith(prefix)) return Integer.parseInt(v.substring(prefix.length()), 16);
            }
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            b.diagnostic(Diagnostic.of(Reason.NOT_A_NUMBER, s.library, p.key(), p.at()).value(v)
                    .other(undefinedVariable(p, s)).decisive(s.numberFails));
            return null;
        }
    }

    /**
     * The port a resolved prop holds: null (and a diagnostic) when it is no number; a number outside the library's
     * range is reported (decisive: the connection fails) and returned as it is.
     */
    static Integer port(Prop p, Parsing s, MailEndpoint.Builder b) {
        Integer v = number(p, s, b);
        if (v != null && (v < s.lowestPort || v > 65535)) {
            b.diagnostic(Diagnostic.of(Reason.PORT_OUT_OF_RANGE, s.library, p.key(), p.at()).value(String.valueOf(v))
                    .decisive(true));
        }
        return v;
    }

    /**
     * A boolean as the library reads it; null when a placeholder decides it, or when an unknown word stops the
     * application ({@link Otherwise#NULL}). An unknown word is reported.
     *
     * @param def the library's default, for {@link Otherwise#DEFAULT}
     */
    static Boolean bool(Prop p, Parsing s, boolean def, MailEndpoint.Builder b) {
        if (!p.isResolved()) return null;
        String written = p.value() == null ? "" : p.value();
        String v = s.trim ? written.trim() : written;
        if (is(v, s.trueWords, s.trueLowerCased)) return Boolean.TRUE;
        if (is(v, s.falseWords, s.falseLowerCased)) return Boolean.FALSE;
        Boolean result = s.otherwise == Otherwise.NULL ? null : s.otherwise == Otherwise.FALSE ? Boolean.FALSE : def;
        Diagnostic d = Diagnostic.of(Reason.NOT_A_BOOLEAN, s.library, p.key(), p.at()).value(s.showTrimmed ? v : written)
                .other(undefinedVariable(p, s)).decisive(s.booleanFails);
        b.diagnostic(s.otherwise == Otherwise.DEFAULT ? d.detail(String.valueOf(def)) : d);
        return result;
    }

    private static boolean is(String v, Set<String> words, boolean lowerCased) {
        if (lowerCased) return words.contains(v.toLowerCase(Locale.ROOT));
        for (String w : words) {
            if (w.equalsIgnoreCase(v)) return true;
        }
        return false;
    }

    /**
     * Logback: the value as written when it came out of Spring's {@code ${NAME:default}} (Logback looks up a variable
     * named with the default and reads {@code NAME_IS_UNDEFINED}); else null.
     */
    private static String undefinedVariable(Prop p, Parsing s) {
        if (s.library != Library.LOGBACK || p.value() == null || !p.value().contains("_IS_UNDEFINED")) return null;
        return p.raw().trim();
    }
}
