package org.rnnplayground.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class AdminAccountTest {

    private static AdminAccount account(String password) {
        return new AdminAccount(new AdminProperties(null, password, null));
    }

    private static boolean accepts(AdminAccount account, String typed) {
        return account.encoder().matches(typed, account.load("admin").getPassword());
    }

    @Test
    void aBcryptHashIsUsedAsIs() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("s3cret");
        AdminAccount account = account(hash);
        assertEquals(hash, account.load("admin").getPassword());
        assertTrue(accepts(account, "s3cret"));
        assertFalse(accepts(account, "s3cret "));
    }

    @Test
    void aPlainPasswordIsKeptOnlyAsAHash() {
        AdminAccount account = account("plain words");
        String stored = account.load("admin").getPassword();
        assertTrue(stored.startsWith("{bcrypt}"), stored);
        assertFalse(stored.contains("plain words"));
        assertTrue(accepts(account, "plain words"));
        assertFalse(accepts(account, "plain"));
    }

    @Test
    void withoutAPasswordNothingTypedIsAccepted() {
        AdminAccount account = account(null);
        assertFalse(accepts(account, ""));
        assertFalse(accepts(account, "admin"));
    }

    @Test
    void aHashOfAnUnknownKindIsRefusedAtStartUp() {
        var e = assertThrows(IllegalArgumentException.class, () -> account("{nosuch}abc"));
        assertTrue(e.getMessage().contains("playground.admin.password"), e.getMessage());
    }

    @Test
    void onlyTheAdminUserExistsAndHasTheRole() {
        AdminAccount account = account("x");
        assertThrows(UsernameNotFoundException.class, () -> account.load("root"));
        assertEquals(
                "ROLE_" + AdminAccount.ROLE,
                account.load("admin").getAuthorities().iterator().next().getAuthority());
    }

    @Test
    void limitsThatMakeNoSenseAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AdminProperties.SignInLimits(0, 10, null));
        assertThrows(IllegalArgumentException.class, () -> new AdminProperties.SignInLimits(5, 4, null));
    }
}
