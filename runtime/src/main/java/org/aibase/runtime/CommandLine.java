package org.aibase.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arguments of one command after its name: operands, flags ({@code --json}) and options with a
 * value ({@code --url URL} or {@code --url=URL}), each checked against what the command accepts, so a
 * typo is an error naming it rather than an operand. {@code --} ends the options.
 */
final class CommandLine {

    private final List<String> operands;
    private final Set<String> flags;
    private final Map<String, String> values;

    private CommandLine(List<String> operands, Set<String> flags, Map<String, String> values) {
        this.operands = List.copyOf(operands);
        this.flags = Set.copyOf(flags);
        this.values = Map.copyOf(values);
    }

    /**
     * Parses the arguments; {@code flags} and {@code valued} name the options the command accepts
     * ({@code --json}, {@code --url}).
     *
     * @throws CommandFailure exit status 2, naming the option that is unknown or lacks its value
     */
    static CommandLine parse(List<String> args, Set<String> flags, Set<String> valued) {
        List<String> operands = new ArrayList<>();
        Set<String> given = new HashSet<>();
        Map<String, String> values = new HashMap<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                operands.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (flags.contains(name)) {
                if (equals >= 0) {
                    throw CommandFailure.usage(name + " takes no value, got '" + arg + "'");
                }
                given.add(name);
            } else if (valued.contains(name)) {
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw CommandFailure.usage(name + " needs a value");
                }
                if (values.put(name, value) != null) {
                    throw CommandFailure.usage(name + " is given twice");
                }
            } else {
                Set<String> allowed = new TreeSet<>(flags);
                allowed.addAll(valued);
                throw CommandFailure.usage("unknown option " + name
                        + (allowed.isEmpty() ? " (this command takes none)" : " (allowed: " + String.join(", ", allowed) + ")"));
            }
        }
        return new CommandLine(operands, given, values);
    }

    List<String> operands() {
        return operands;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The single operand the command needs, e.g. a plugin id; {@code what} names it in the error. */
    String single(String command, String what) {
        if (operands.size() != 1) {
            throw CommandFailure.usage(command + " needs exactly one " + what
                    + (operands.isEmpty() ? "" : ", got " + operands.size() + ": " + String.join(" ", operands)));
        }
        return operands.get(0);
    }

    /** Fails unless there are no operands. */
    void noOperands(String command) {
        if (!operands.isEmpty()) {
            throw CommandFailure.usage(command + " takes no arguments, got: " + String.join(" ", operands));
        }
    }
}
