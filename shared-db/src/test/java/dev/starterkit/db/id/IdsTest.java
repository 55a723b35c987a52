package dev.starterkit.db.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    private static final int COUNT = 100_000;

    @ParameterizedTest
    @EnumSource(IdPrefix.class)
    void next_should_giveThePrefixAnUnderscoreAnd16LowercaseAlphanumerics_when_called(IdPrefix prefix) {
        // GIVEN a table prefix
        Pattern shape = Pattern.compile(prefix.code() + "_[0-9a-z]{16}");
        // WHEN an id is made for it
        String id = Ids.next(prefix);
        // THEN it has the prefixed shape and is valid for that prefix
        assertThat(id).matches(shape).hasSize(prefix.code().length() + 1 + Ids.RANDOM_LENGTH);
        assertThat(Ids.isValid(prefix, id)).isTrue();
    }

    @Test
    void next_should_neverRepeatAndUseTheWholeAlphabet_when_100000IdsAreMade() {
        // GIVEN nothing but the shared random source
        Set<String> ids = new HashSet<>();
        Set<Character> characters = new TreeSet<>();
        // WHEN 100,000 user ids are made
        for (int i = 0; i < COUNT; i++) {
            String id = Ids.next(IdPrefix.USER);
            ids.add(id);
            id.substring(4).chars().forEach(c -> characters.add((char) c));
        }
        // THEN all are distinct, and all 36 characters occur in their random parts
        assertThat(ids).hasSize(COUNT);
        assertThat(characters).hasSize(36);
    }

    @Test
    void next_should_keepMakingValidDistinctIds_when_reseeded() {
        // GIVEN an id made before a reseed
        String before = Ids.next(IdPrefix.SESSION);
        // WHEN the random source is replaced (as after a SnapStart restore)
        Ids.reseed();
        String after = Ids.next(IdPrefix.SESSION);
        // THEN ids stay valid and distinct
        assertThat(Ids.isValid(IdPrefix.SESSION, after)).isTrue();
        assertThat(after).isNotEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"org_0123456789abcdef", "usr-0123456789abcdef", "usr0123456789abcdefg",
        "us_0123456789abcdefg", "xusr_0123456789abcde"})
    void isValid_should_rejectAnId_when_thePrefixIsWrong(String id) {
        // GIVEN an id of the right length whose prefix is not "usr_"
        // WHEN it is checked as a user id
        // THEN it is rejected
        assertThat(Ids.isValid(IdPrefix.USER, id)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"usr_", "usr_0123456789abcde", "usr_0123456789abcdef0"})
    void isValid_should_rejectAnId_when_theLengthIsWrong(String id) {
        // GIVEN a user id with 0, 15 or 17 random characters, or none at all
        // WHEN it is checked
        // THEN it is rejected
        assertThat(Ids.isValid(IdPrefix.USER, id)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"usr_0123456789ABCDEF", "usr_0123456789abcdeF", "usr_0123456789abcde-",
        "usr_0123456789abcde_", "usr_0123456789abcdé", "USR_0123456789abcdef"})
    void isValid_should_rejectAnId_when_itHasUppercaseOrOtherCharacters(String id) {
        // GIVEN a user id of the right length with a character outside [0-9a-z] (or an uppercase prefix)
        // WHEN it is checked
        // THEN it is rejected
        assertThat(Ids.isValid(IdPrefix.USER, id)).isFalse();
    }

    @Test
    void isValid_should_acceptAnId_when_itHasTheExactShape() {
        // GIVEN a hand-written id of the user shape, as seeds use
        String id = "usr_alice00000000000";
        // WHEN it is checked
        // THEN it is accepted
        assertThat(Ids.isValid(IdPrefix.USER, id)).isTrue();
    }
}
