package org.aibase.validator.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.TaskDeclaration;
import org.aibase.validator.Finding;

/**
 * Declared task names are task types callers send and tool names AI agents see: of the form
 * {@value TaskDeclaration#NAME_PATTERN} (no '-' or '.', which tool names reserve) and each declared once.
 */
public final class TasksCheck extends DescriptorRule {

    private static final Pattern NAME = Pattern.compile(TaskDeclaration.NAME_PATTERN);
    private static final String ALLOWED = TaskDeclaration.NAME_PATTERN
            + ": 1 to 24 lower-case letters, digits or '_', starting with a letter";

    @Override
    protected void check(PluginDescriptor descriptor, Inspection inspection) {
        List<TaskDeclaration> tasks = descriptor.tasks();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tasks.size(); i++) {
            String name = tasks.get(i).name();
            String location = Locations.field("tasks[" + i + "].name");
            if (!NAME.matcher(name).matches()) {
                inspection.add(Finding.error(location, "'" + name + "' is not a task name", ALLOWED));
            } else if (!seen.add(name)) {
                inspection.add(Finding.error(location, "'" + name + "' is declared twice", "each task name once"));
            }
        }
    }
}
