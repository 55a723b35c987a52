package dev.starterkit.db.connect;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code postgres://user:password@host:port/database?sslmode=require} URL, parsed into its parts. The password
 * is kept out of {@link #toString()}, {@link #redacted()} and every error message.
 *
 * @param host the host name or IP address (IPv6 without brackets)
 * @param port the port, 5432 when absent
 * @param database the database name
 * @param user the user, or null
 * @param password the decoded password, or null
 * @param options libpq-style query options, as written
 */
public record DatabaseUrl(String host, int port, String database, String user, String password,
                          Map<String, String> options) {

    /** libpq option names and the pgjdbc property each becomes. */
    private static final Map<String, String> OPTION_TO_PROPERTY = Map.ofEntries(
        Map.entry("sslmode", "sslmode"),
        Map.entry("sslrootcert", "sslrootcert"),
        Map.entry("sslcert", "sslcert"),
        Map.entry("sslkey", "sslkey"),
        Map.entry("channel_binding", "channelBinding"),
        Map.entry("connect_timeout", "connectTimeout"),
        Map.entry("application_name", "ApplicationName"),
        Map.entry("options", "options"),
        Map.entry("target_session_attrs", "targetServerType"));

    public DatabaseUrl {
        options = Map.copyOf(options);
    }

    /**
     * Parses a URL.
     *
     * @param raw the URL
     * @param origin names the variable and its source for error messages, e.g. {@code "DATABASE_URL (from .env)"}
     */
    public static DatabaseUrl parse(String raw, String origin) {
        String value = raw == null ? "" : raw.strip();
        int schemeEnd = value.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : value.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("postgres") && !scheme.equals("postgresql")) {
            throw new DatabaseConfigException(origin + " must be a postgres:// or postgresql:// URL; got "
                + describeScheme(value));
        }
        String rest = value.substring(schemeEnd + 3);
        int queryStart = rest.indexOf('?');
        String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
        String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
        int at = beforeQuery.lastIndexOf('@');
        String userInfo = at < 0 ? null : beforeQuery.substring(0, at);
        String hostPart = at < 0 ? beforeQuery : beforeQuery.substring(at + 1);
        int slash = hostPart.indexOf('/');
        String authority = slash < 0 ? hostPart : hostPart.substring(0, slash);
        String database = slash < 0 ? "" : decode(hostPart.substring(slash + 1), origin);
        if (database.isEmpty()) {
            throw new DatabaseConfigException(origin + " has no database name (postgres://user@host:5432/NAME)");
        }
        String[] hostAndPort = hostAndPort(authority, origin);
        String user = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), origin);
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), origin);
        }
        return new DatabaseUrl(hostAndPort[0], Integer.parseInt(hostAndPort[1]), database,
            emptyToNull(user), password, parseQuery(query, origin));
    }

    /** Names what was given without echoing it: the value may be a password pasted into the wrong place. */
    private static String describeScheme(String value) {
        if (value.isEmpty()) {
            return "an empty value";
        }
        Matcher scheme = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):").matcher(value);
        return scheme.find() ? "a " + scheme.group(1) + ": URL" : "a value that is not a URL";
    }

    private static String[] hostAndPort(String authority, String origin) {
        String host;
        String port = "5432";
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new DatabaseConfigException(origin + " has an unterminated IPv6 address");
            }
            host = authority.substring(1, close);
            if (authority.length() > close + 1) {
                if (authority.charAt(close + 1) != ':') {
                    throw new DatabaseConfigException(origin + " has a malformed host");
                }
                port = authority.substring(close + 2);
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? port : authority.substring(colon + 1);
        }
        if (host.isEmpty() || host.contains(",")) {
            throw new DatabaseConfigException(origin + " must name exactly one host");
        }
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new DatabaseConfigException(origin + " has an invalid port '" + port + "'");
        }
        return new String[] {host, port};
    }

    private static Map<String, String> parseQuery(String query, String origin) {
        Map<String, String> options = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return options;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq), origin);
            String val = eq < 0 ? "" : decode(pair.substring(eq + 1), origin);
            if (!OPTION_TO_PROPERTY.containsKey(key)) {
                throw new DatabaseConfigException(origin + " has an unsupported option '" + key
                    + "'; supported: " + String.join(", ", OPTION_TO_PROPERTY.keySet().stream().sorted().toList()));
            }
            options.put(key, val);
        }
        return options;
    }

    private static String decode(String part, String origin) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new DatabaseConfigException(origin + " has a malformed %-escape", e);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The pgjdbc URL, without credentials: {@code jdbc:postgresql://host:port/database}. */
    public String jdbcUrl(String subprotocol) {
        String hostText = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:" + subprotocol + "://" + hostText + ":" + port + "/"
            + java.net.URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The query options as pgjdbc connection properties. */
    public Map<String, String> jdbcProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        options.forEach((key, value) -> properties.put(OPTION_TO_PROPERTY.get(key), value));
        return properties;
    }

    /** The URL with the password replaced by {@code ***}: host, port, database and user stay visible. */
    public String redacted() {
        StringBuilder out = new StringBuilder("postgres://");
        if (user != null) {
            out.append(user);
            if (password != null) {
                out.append(":***");
            }
            out.append('@');
        }
        out.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port).append('/').append(database);
        if (!options.isEmpty()) {
            StringJoiner query = new StringJoiner("&", "?", "");
            options.forEach((key, value) -> query.add(key + "=" + value));
            out.append(query);
        }
        return out.toString();
    }

    /**
     * Hides the password of any URL-shaped string, even one that does not parse: everything between the first
     * {@code :} after the scheme and the last {@code @} of the authority.
     */
    public static String redact(String raw) {
        if (raw == null) {
            return "";
        }
        int schemeEnd = raw.indexOf("://");
        int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int end = raw.indexOf('/', start);
        String authority = end < 0 ? raw.substring(start) : raw.substring(start, end);
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return raw;
        }
        int colon = authority.indexOf(':');
        String userPart = colon >= 0 && colon < at
            ? authority.substring(0, colon) + ":***"
            : authority.substring(0, at);
        return raw.substring(0, start) + userPart + authority.substring(at) + (end < 0 ? "" : raw.substring(end));
    }

    /** {@code text} with every URL-shaped word passed through {@link #redact}: for error messages and log lines. */
    public static String redactUrls(String text) {
        if (text == null) {
            return "";
        }
        String[] words = text.split(" ", -1);
        for (int i = 0; i < words.length; i++) {
            if (words[i].contains("://")) {
                words[i] = redact(words[i]);
            }
        }
        return String.join(" ", words);
    }

    @Override
    public String toString() {
        return redacted();
    }
}
