package dev.starterkit.tools.template;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test fixtures shared by the tools' tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A template with the three API functions, their routes and CloudFormation tags. */
    public static Path template() {
        try {
            return Path.of(Fixtures.class.getResource("/template-fixture.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
