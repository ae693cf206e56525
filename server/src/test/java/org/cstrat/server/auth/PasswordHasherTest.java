package org.cstrat.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void verifiesTheRightPasswordAndRefusesOthers() {
        String hash = hasher.hash("correct horse battery".toCharArray());
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("correct horse batterY".toCharArray(), hash)).isFalse();
        assertThat(hasher.verify("".toCharArray(), hash)).isFalse();
    }

    @Test
    void eachHashHasItsOwnSalt() {
        String a = hasher.hash("same password".toCharArray());
        String b = hasher.hash("same password".toCharArray());
        assertThat(a).isNotEqualTo(b);
        assertThat(a.split("\\$")[4]).isNotEqualTo(b.split("\\$")[4]);
        assertThat(hasher.verify("same password".toCharArray(), b)).isTrue();
    }

    @Test
    void aHashKeepsItsOwnParameters() {
        String cheap = new PasswordHasher(64, 1, 1).hash("résumé ünïcode".toCharArray());
        assertThat(cheap).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(hasher.verify("résumé ünïcode".toCharArray(), cheap)).isTrue();
        assertThat(hasher.verify("resume unicode".toCharArray(), cheap)).isFalse();
    }

    @Test
    void readsHashesOfTheReferenceImplementation() {
        // what the reference implementation (github.com/P-H-C/phc-winner-argon2) prints for
        // echo -n password | argon2 somesalt -id -t 2 -m 16 -p 4 -l 32 -e   (passlib tests against the same string)
        String reference = "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo";
        assertThat(hasher.verify("password".toCharArray(), reference)).isTrue();
        assertThat(hasher.verify("Password".toCharArray(), reference)).isFalse();
        // the same parameters with Argon2i's output are not an Argon2id hash
        assertThat(hasher.verify("password".toCharArray(), "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG")).isFalse();
    }

    @Test
    void refusesWhatIsNotAHash() {
        String hash = hasher.hash("some password".toCharArray());
        assertThat(hasher.verify("some password".toCharArray(), null)).isFalse();
        assertThat(hasher.verify("some password".toCharArray(), "plain")).isFalse();
        assertThat(hasher.verify("some password".toCharArray(), hash.replace("argon2id", "argon2i"))).isFalse();
        assertThat(hasher.verify("some password".toCharArray(), hash.replace("m=19456", "m=99999999"))).isFalse();
        String[] parts = hash.split("\\$");
        String flipped = hash.substring(0, hash.length() - 2) + (parts[5].endsWith("AA") ? "BA" : "AA");
        assertThat(hasher.verify("some password".toCharArray(), flipped)).isFalse();
    }
}
