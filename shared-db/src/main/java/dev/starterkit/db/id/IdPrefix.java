package dev.starterkit.db.id;

/** The id prefix of each table. */
public enum IdPrefix {
    USER("usr"),
    SESSION("ses"),
    IDENTITY("idn"),
    VERIFICATION("vfy"),
    ORGANIZATION("org"),
    MEMBER("mem"),
    INVITATION("inv"),
    PASSKEY("pky"),
    SUBSCRIPTION("sub");

    private final String code;

    IdPrefix(String code) {
        this.code = code;
    }

    /** The three-letter prefix. */
    public String code() {
        return code;
    }
}
