package vn.ttdn.system;

/** Nothing there, or nothing the caller may see (both answer 404, so existence does not leak). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
