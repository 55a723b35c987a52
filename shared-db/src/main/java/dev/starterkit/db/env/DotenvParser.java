package dev.starterkit.db.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code .env} files: {@code KEY=value} lines, optional {@code export }, {@code #} comments, single-quoted
 * (literal) and double-quoted (with {@code \n}, {@code \"} and {@code \\} escapes) values.
 */
final class DotenvParser {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private DotenvParser() {
    }

    static Map<String, String> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentConfigException("Cannot read env file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 0 || !KEY.matcher(key).matches()) {
                throw new EnvironmentConfigException(
                    file + " line " + (i + 1) + ": expected KEY=value");
            }
            values.put(key, value(line.substring(eq + 1).strip(), file, i + 1));
        }
        return values;
    }

    private static String value(String raw, Path file, int lineNumber) {
        if (raw.startsWith("'")) {
            int end = raw.indexOf('\'', 1);
            if (end < 0) {
                throw new EnvironmentConfigException(file + " line " + lineNumber + ": unterminated ' quote");
            }
            return raw.substring(1, end);
        }
        if (raw.startsWith("\"")) {
            return doubleQuoted(raw, file, lineNumber);
        }
        int comment = raw.indexOf(" #");
        return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    }

    private static String doubleQuoted(String raw, Path file, int lineNumber) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        throw new EnvironmentConfigException(file + " line " + lineNumber + ": unterminated \" quote");
    }
}
