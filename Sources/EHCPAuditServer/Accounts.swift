/// What the command line needs to manage the workspace's accounts, with the workspace's
/// own rules for passwords and tokens.
public enum Accounts {
    /// A bcrypt hash (cost 12) of a password.
    public static func hashPassword(_ password: String) -> String { Passwords.hash(password) }

    /// A new API token: 32 random bytes in hex.
    public static func newToken() -> String { Security.randomToken() }

    /// How a token is kept: its SHA-256.
    public static func tokenHash(_ token: String) -> String { Security.tokenHash(token) }
}
