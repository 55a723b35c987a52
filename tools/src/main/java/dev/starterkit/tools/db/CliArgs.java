package dev.starterkit.tools.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed command line: {@code <command>[:<env>] [--env E] [--yes] [--flag[=value]]... [argument]...}.
 *
 * @param command the command name
 * @param env the stage named by {@code --env} or the {@code :env} suffix
 * @param yes whether {@code --yes} answers every confirmation
 * @param options other {@code --name} or {@code --name=value} options ({@code ""} for a bare flag)
 * @param arguments positional arguments after the command
 * @param tokens everything after the command as typed, for options that take a value ({@link #values})
 */
public record CliArgs(String command, Optional<String> env, boolean yes, Map<String, String> options,
                      List<String> arguments, List<String> tokens) {

    public CliArgs {
        options = Map.copyOf(options);
        arguments = List.copyOf(arguments);
        tokens = List.copyOf(tokens);
    }

    /** Parses {@code args}; options a command does not know are rejected by {@link #requireOnly}. */
    public static CliArgs parse(String[] args) {
        if (args.length == 0) {
            throw new CliUsageException("no command given");
        }
        String command = args[0];
        String env = null;
        int colon = command.indexOf(':');
        if (colon >= 0) {
            env = command.substring(colon + 1);
            command = command.substring(0, colon);
        }
        boolean yes = false;
        Map<String, String> options = new HashMap<>();
        List<String> arguments = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--yes") || arg.equals("-y")) {
                yes = true;
            } else if (arg.equals("--env") || arg.startsWith("--env=")) {
                String value = arg.equals("--env") ? next(args, ++i, "--env") : arg.substring("--env=".length());
                if (env != null && !env.equals(value)) {
                    throw new CliUsageException("the stage is given twice: '" + env + "' and '" + value + "'");
                }
                env = value;
            } else if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                options.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "" : arg.substring(eq + 1));
            } else {
                arguments.add(arg);
            }
        }
        return new CliArgs(command, Optional.ofNullable(env), yes, options, arguments,
            Arrays.asList(args).subList(1, args.length));
    }

    /**
     * The values of an option that takes one, in order: {@code --name value} or {@code --name=value}, repeatable.
     * A command that reads values this way takes its positional arguments from {@link #argumentsBesides}.
     */
    public List<String> values(String option) {
        List<String> values = new ArrayList<>();
        String flag = "--" + option;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals(flag)) {
                if (i + 1 >= tokens.size() || tokens.get(i + 1).startsWith("-")) {
                    throw new CliUsageException(flag + " needs a value");
                }
                values.add(tokens.get(++i));
            } else if (token.startsWith(flag + "=")) {
                values.add(token.substring(flag.length() + 1));
            }
        }
        return values;
    }

    /** The positional arguments when each option in {@code valued} takes the token after it as its value. */
    public List<String> argumentsBesides(Set<String> valued) {
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("--env") || (token.startsWith("--") && valued.contains(token.substring(2)))) {
                i++;
            } else if (!token.startsWith("-")) {
                positional.add(token);
            }
        }
        return positional;
    }

    /** Fails when an option outside {@code allowed} was given. */
    public void requireOnly(Set<String> allowed) {
        for (String option : options.keySet()) {
            if (!allowed.contains(option)) {
                throw new CliUsageException("'" + command + "' has no option --" + option);
            }
        }
    }

    private static String next(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new CliUsageException(flag + " needs a value");
        }
        return args[i];
    }
}
