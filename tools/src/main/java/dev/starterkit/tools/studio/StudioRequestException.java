package dev.starterkit.tools.studio;

/** A studio request that cannot be served: the status and error code it is answered with, and why. */
public class StudioRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public StudioRequestException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public StudioRequestException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The error code of the JSON body, as the HTTP API uses them ({@code bad_request}, {@code forbidden}, ...). */
    public String code() {
        return code;
    }

    static StudioRequestException badRequest(String message) {
        return new StudioRequestException(400, "bad_request", message);
    }

    static StudioRequestException notFound(String message) {
        return new StudioRequestException(404, "not_found", message);
    }

    static StudioRequestException forbidden(String message) {
        return new StudioRequestException(403, "forbidden", message);
    }
}
