package dev.starterkit.tools.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CliArgsTest {

    @Test
    void values_should_collectEveryValueInOrder_when_anOptionRepeatsInBothForms() {
        // GIVEN --rename twice, once with a space and once with '='
        CliArgs args = CliArgs.parse(new String[] {"generate", "--rename", "a.b=c", "--env", "dev",
            "--rename=d.e=f", "--no-rename"});
        // WHEN its values are read
        // THEN both come back in order, and no positional argument is left once they are taken
        assertThat(args.values("rename")).containsExactly("a.b=c", "d.e=f");
        assertThat(args.argumentsBesides(Set.of("rename"))).isEmpty();
        assertThat(args.arguments()).containsExactly("a.b=c");
        assertThat(args.env()).contains("dev");
    }

    @Test
    void values_should_fail_when_theOptionHasNoValue() {
        // GIVEN --name at the end, and --name followed by another option
        CliArgs last = CliArgs.parse(new String[] {"generate", "--name"});
        CliArgs beforeOption = CliArgs.parse(new String[] {"generate", "--name", "--yes"});
        // WHEN their values are read
        // THEN both say the option needs a value
        assertThat(catchThrowable(() -> last.values("name"))).isInstanceOf(CliUsageException.class)
            .hasMessage("--name needs a value");
        assertThat(catchThrowable(() -> beforeOption.values("name"))).isInstanceOf(CliUsageException.class);
    }

    @Test
    void argumentsBesides_should_keepOtherPositionals_when_someOptionsTakeValues() {
        // GIVEN a positional argument after a valued option and a flag
        CliArgs args = CliArgs.parse(new String[] {"restore", "--package", "p.q", "--clean", "dump.sql.gz"});
        // WHEN the positional arguments are read with --package taking a value
        // THEN only the file is left
        assertThat(args.argumentsBesides(Set.of("package"))).containsExactly("dump.sql.gz");
    }
}
