package dev.starterkit.db.export;

/** {@link DumpFixture} for tests in other packages. */
public final class DumpFixtureAccess {

    private DumpFixtureAccess() {
    }

    public static void load(String url) {
        DumpFixture.load(url);
    }

    public static void execute(String url, String sql) {
        DumpFixture.execute(url, sql);
    }
}
