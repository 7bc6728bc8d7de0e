package vn.ttdn.plan;

/**
 * What a person writes for a task group of a draft plan (its number is given by its place): the
 * heading and, optionally, the narrative under it. Text is trimmed; an empty description is none.
 */
public record GroupInput(String title, String description) {

    public GroupInput {
        title = TaskInput.trimToNull(title);
        description = TaskInput.trimToNull(description);
    }
}
