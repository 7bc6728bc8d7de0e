package vn.ttdn.directory;

/** A body as other records name it: its code and its name. */
public record BodyRef(String code, String name) {
}
