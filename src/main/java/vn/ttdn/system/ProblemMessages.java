package vn.ttdn.system;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Words for input problems on the pages: the bundle's {@code problem.<code>}; schema problems
 * ({@code jsv.<keyword>}) in the JSON Schema validator's own Vietnamese wording.
 */
@Component
public class ProblemMessages {

    static final String SCHEMA_PREFIX = "jsv.";

    private final MessageSource messages;

    ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** Every problem of a refusal (invalid input, a conflict, a forbidden step) in one sentence each, joined. */
    public String describe(RuntimeException refusal, Locale locale) {
        List<InputProblem> found = refusal instanceof InvalidInputException invalid ? invalid.problems()
                : refusal instanceof ForbiddenException forbidden ? List.of(forbidden.reason())
                : List.of(InputProblem.of("", null, refusal.getMessage()));
        return String.join(" ", found.stream().map(p -> describe(p, locale)).toList());
    }

    public String describe(InputProblem problem, Locale locale) {
        if (problem.code() == null) {
            return problem.message();
        }
        if (problem.code().startsWith(SCHEMA_PREFIX)) {
            try {
                String pattern = ResourceBundle.getBundle("jsv-messages", locale)
                        .getString(problem.code().substring(SCHEMA_PREFIX.length()));
                List<Object> arguments = new ArrayList<>();
                arguments.add(problem.path().isEmpty() ? "$" : problem.path());
                arguments.addAll(problem.arguments());
                return new MessageFormat(pattern, locale).format(arguments.toArray());
            } catch (java.util.MissingResourceException e) {
                return problem.message();
            }
        }
        try {
            return messages.getMessage("problem." + problem.code(), problem.arguments().toArray(), locale);
        } catch (NoSuchMessageException e) {
            return problem.message();
        }
    }
}
