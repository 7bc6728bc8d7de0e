package vn.ttdn.system;

/** One thing wrong with what a caller sent: where (a path such as {@code groups[2].tasks[4].lead[0]}) and what. */
public record InputProblem(String path, String message) {
}
