package org.aibase.plugin.hello;

import java.util.Map;
import java.util.Optional;

import org.aibase.api.plugin.Plugin;
import org.aibase.api.plugin.Severity;
import org.aibase.api.plugin.TaskRequest;
import org.aibase.api.plugin.TaskResult;
import org.osgi.service.component.annotations.Component;

/**
 * The hello plugin's tasks, through {@code POST /api/v1/plugins/hello/tasks}:
 * {@code greet} ({@code {"name": "Ada"}} → {@code {"message": "Hello, Ada!"}}) and {@code echo}
 * (answers its config unchanged).
 */
@Component(service = Plugin.class)
public final class HelloTasks implements Plugin {

    private final Greeting greeting = new Greeting();

    @Override
    public TaskResult execute(TaskRequest request) {
        return switch (request.type()) {
            case "greet" -> greet(request.config().getOrDefault("name", "world"));
            case "echo" -> TaskResult.ok(request.config());
            default -> TaskResult.failure("unknown_task",
                    "unknown task type '" + request.type() + "' (allowed: greet, echo)", Severity.LOW);
        };
    }

    private TaskResult greet(Object name) {
        if (!(name instanceof String text)) {
            return TaskResult.failure("invalid_config", "config.name must be a string", Severity.LOW);
        }
        Optional<String> valid = Greeting.validName(text);
        return valid.map(n -> TaskResult.ok(Map.of("message", greeting.to(n))))
                .orElseGet(() -> TaskResult.failure("invalid_config", "config." + Greeting.nameProblem(text), Severity.LOW));
    }
}
