package io.github.mailports.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Picks the reader for a file by its name and decodes its bytes. */
public final class ConfigReaders {
    private ConfigReaders() {
    }

    /** The format a file name is read as, or null when no reader supports it. */
    public static ConfigFormat formatOf(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".properties")) return ConfigFormat.PROPERTIES;
        if (n.endsWith(".yml") || n.endsWith(".yaml")) return ConfigFormat.YAML;
        if (n.endsWith(".json")) return ConfigFormat.YAML; // JSON is YAML: Log4j2 JSON configurations
        if (n.endsWith(".xml")) return ConfigFormat.XML;
        if (n.endsWith(".java")) return ConfigFormat.JAVA;
        return null;
    }

    /**
     * Decodes and parses a file. YAML must be UTF-8 (a byte-order mark is skipped); properties are read as
     * UTF-8 and, when that fails, as ISO-8859-1, as {@code PropertyResourceBundle} does.
     */
    public static ConfigFile read(String path, byte[] bytes) throws ConfigParseException {
        String name = path.substring(path.lastIndexOf('/') + 1);
        ConfigFormat format = formatOf(name);
        if (format == null) throw new ConfigParseException("no reader for this kind of file", 1, 1);
        if (format == ConfigFormat.XML) return XmlReader.read(path, XmlReader.decode(bytes));
        if (format == ConfigFormat.JAVA) return JavaReader.read(path, bytes);
        String text;
        try {
            text = utf8(bytes);
        } catch (CharacterCodingException e) {
            if (format == ConfigFormat.PROPERTIES) {
                text = new String(bytes, StandardCharsets.ISO_8859_1);
            } else {
                int bad = firstBadByte(bytes);
                int[] pos = position(bytes, bad);
                throw new ConfigParseException("the file is not valid UTF-8 (invalid byte at offset " + bad + ")", pos[0], pos[1]);
            }
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        if (name.toLowerCase(Locale.ROOT).endsWith(".json")) return JsonText.read(path, text);
        switch (format) {
            case PROPERTIES:
                return PropertiesReader.read(path, text);
            case YAML:
                return YamlReader.read(path, text);
            default:
                throw new ConfigParseException("no reader for this kind of file", 1, 1);
        }
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = d.decode(ByteBuffer.wrap(bytes));
        return chars.toString();
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        d.decode(in, out, true);
        return in.position();
    }

    /** 1-based line and column (in bytes) of an offset. */
    private static int[] position(byte[] bytes, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }
}
